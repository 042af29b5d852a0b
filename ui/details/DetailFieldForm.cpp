// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/details/DetailFieldForm.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextDocumentFragment>

namespace pg {

DetailFieldForm::DetailFieldForm(std::span<const Def> defs, QWidget* parent, QHBoxLayout* columns,
    int firstColumnRows, const std::function<void(int)>& parentRequested)
{
    QFormLayout* forms[2] = { new QFormLayout, new QFormLayout };
    for (QFormLayout* f : forms) {
        f->setLabelAlignment(Qt::AlignRight);
        f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        columns->addLayout(f, 1);
    }
    int i = 0;
    for (const Def& d : defs) {
        auto* value = new QLabel(parent);
        value->setTextInteractionFlags(
            Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
        value->setWordWrap(true);
        value->setToolTip(d.tip);
        auto* label = new QLabel(d.label + QLatin1Char(':'), parent);
        label->setToolTip(d.tip);
        const QString id = QString::fromLatin1(d.id);
        if (id == QLatin1String("parent")) {
            value->setTextFormat(Qt::RichText);
            QObject::connect(
                value, &QLabel::linkActivated, value, [parentRequested](const QString& link) {
                    bool ok = false;
                    const int pid = link.mid(4).toInt(&ok);
                    if (ok && parentRequested)
                        parentRequested(pid);
                });
        } else {
            value->setTextFormat(Qt::PlainText);
        }
        forms[i < firstColumnRows ? 0 : 1]->addRow(label, value);
        m_fields.emplace_back(id, value);
        ++i;
    }
}

QLabel* DetailFieldForm::find(const QString& id) const
{
    for (const auto& [key, label] : m_fields) {
        if (key == id)
            return label;
    }
    return nullptr;
}

QString DetailFieldForm::text(const QString& id) const
{
    const QLabel* label = find(id);
    if (!label)
        return {};
    return label->textFormat() == Qt::RichText
        ? QTextDocumentFragment::fromHtml(label->text()).toPlainText()
        : label->text();
}

void DetailFieldForm::setText(const QString& id, const QString& text, const QString& toolTip)
{
    QLabel* label = find(id);
    if (!label)
        return;
    label->setText(text);
    if (!toolTip.isEmpty())
        label->setToolTip(toolTip);
}

} // namespace pg
