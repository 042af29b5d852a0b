// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/HeaderColumnChooser.h"

#include <QAbstractItemView>
#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QMenu>
#include <QScopeGuard>
#include <QSettings>

namespace pg {

namespace {

QString modelKey(const QAbstractItemModel* model)
{
    while (auto* proxy = qobject_cast<const QAbstractProxyModel*>(model)) {
        if (!proxy->sourceModel())
            break;
        model = proxy->sourceModel();
    }
    return model
        ? QString::fromLatin1(model->metaObject()->className()).remove(QStringLiteral("pg::"))
        : QStringLiteral("table");
}

QString hiddenKey(const QString& key)
{
    return QStringLiteral("columns/%1/hidden").arg(key);
}

QString countKey(const QString& key)
{
    return QStringLiteral("columns/%1/count").arg(key);
}

} // namespace

HeaderColumnChooser::HeaderColumnChooser(QHeaderView* header, QString key)
    : QObject(header)
    , m_header(header)
    , m_key(std::move(key))
{
    setObjectName(QStringLiteral("headerColumnChooser"));
}

HeaderColumnChooser* HeaderColumnChooser::install(QHeaderView* header, const QString& settingsKey)
{
    if (!header)
        return nullptr;
    if (HeaderColumnChooser* existing = of(header))
        return existing;
    const QString key = settingsKey.isEmpty() ? modelKey(header->model()) : settingsKey;
    auto* chooser = new HeaderColumnChooser(header, key);
    // The chooser is the header's context menu: one installed before (the memory map's own
    // Columns menu) would pop up beside it.
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::disconnect(header, &QWidget::customContextMenuRequested, nullptr, nullptr);
    connect(header, &QWidget::customContextMenuRequested, chooser, [chooser](const QPoint& pos) {
        auto* menu = new QMenu(chooser->m_header);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->setToolTipsVisible(true);
        chooser->fillMenu(menu);
        menu->popup(chooser->m_header->viewport()->mapToGlobal(pos));
    });
    // Hiding a section resizes it to 0 and showing it resizes it back: the one signal every
    // change of visibility passes through, whoever makes it.
    // The header emits it before it marks the section hidden: look once it has.
    connect(header, &QHeaderView::sectionResized, chooser, [chooser] {
        if (chooser->m_noticePending)
            return;
        chooser->m_noticePending = true;
        QMetaObject::invokeMethod(
            chooser,
            [chooser] {
                chooser->m_noticePending = false;
                chooser->noticeChanges();
            },
            Qt::QueuedConnection);
    });
    // A model reset (the interrupts table's CPU columns) rebuilds the sections, visible.
    connect(header, &QHeaderView::sectionCountChanged, chooser, &HeaderColumnChooser::applySaved);
    chooser->m_hidden.resize(header->count());
    for (int i = 0; i < header->count(); ++i)
        chooser->m_hidden.setBit(i, header->isSectionHidden(i));
    chooser->applySaved();
    return chooser;
}

HeaderColumnChooser* HeaderColumnChooser::of(const QHeaderView* header)
{
    return header ? header->findChild<HeaderColumnChooser*>(
               QStringLiteral("headerColumnChooser"), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

HeaderColumnChooser* HeaderColumnChooser::forWidget(const QWidget* page)
{
    if (!page)
        return nullptr;
    HeaderColumnChooser* best = nullptr;
    int bestArea = -1;
    const QWidget* focus = QApplication::focusWidget();
    for (QHeaderView* header : page->findChildren<QHeaderView*>()) {
        HeaderColumnChooser* chooser = of(header);
        auto* view = qobject_cast<QAbstractItemView*>(header->parentWidget());
        if (!chooser || !view || !view->isVisible())
            continue;
        if (focus && (focus == view || view->isAncestorOf(focus)))
            return chooser;
        const int area = view->width() * view->height();
        if (area > bestArea) {
            best = chooser;
            bestArea = area;
        }
    }
    return best;
}

void HeaderColumnChooser::fillMenu(QMenu* menu)
{
    const QAbstractItemModel* model = m_header->model();
    if (!model)
        return;
    const int shown = m_header->count() - m_header->hiddenSectionCount();
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int logical = m_header->logicalIndex(visual);
        QString title = model->headerData(logical, m_header->orientation()).toString();
        title.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction* action = menu->addAction(title);
        action->setCheckable(true);
        action->setChecked(!m_header->isSectionHidden(logical));
        action->setToolTip(
            model->headerData(logical, m_header->orientation(), Qt::ToolTipRole).toString());
        action->setEnabled(m_header->isSectionHidden(logical) || shown > 1);
        connect(action, &QAction::toggled, this,
            [this, logical](bool on) { setColumnVisible(logical, on); });
    }
}

bool HeaderColumnChooser::isColumnVisible(int logicalIndex) const
{
    return logicalIndex >= 0 && logicalIndex < m_header->count()
        && !m_header->isSectionHidden(logicalIndex);
}

void HeaderColumnChooser::setColumnVisible(int logicalIndex, bool visible)
{
    if (logicalIndex < 0 || logicalIndex >= m_header->count())
        return;
    if (!visible && m_header->count() - m_header->hiddenSectionCount() <= 1)
        return; // a table without columns cannot get one back through its header
    m_header->setSectionHidden(logicalIndex, !visible);
    if (visible && m_header->sectionSize(logicalIndex) == 0)
        m_header->resizeSection(logicalIndex, m_header->defaultSectionSize());
    noticeChanges();
}

void HeaderColumnChooser::noticeChanges()
{
    const int count = m_header->count();
    const QBitArray before = m_hidden;
    m_hidden.resize(count);
    QList<int> changed;
    for (int i = 0; i < count; ++i) {
        const bool hidden = m_header->isSectionHidden(i);
        if (hidden != (i < before.size() && before.testBit(i)))
            changed << i;
        m_hidden.setBit(i, hidden);
    }
    if (changed.isEmpty())
        return;
    if (!m_applying)
        save();
    for (int i : std::as_const(changed))
        emit columnVisibilityChanged(i, !m_hidden.testBit(i));
}

void HeaderColumnChooser::save() const
{
    QStringList hidden;
    for (int i = 0; i < m_hidden.size(); ++i) {
        if (m_hidden.testBit(i))
            hidden << QString::number(i);
    }
    QSettings settings;
    // A string, not a list: QSettings cannot tell an empty list from no value.
    settings.setValue(hiddenKey(m_key), hidden.join(QLatin1Char(',')));
    settings.setValue(countKey(m_key), m_hidden.size());
}

void HeaderColumnChooser::applySaved()
{
    // Nothing here is the user's choice: announce, never save.
    m_applying = true;
    const auto done = qScopeGuard([this] {
        noticeChanges();
        m_applying = false;
    });
    QSettings settings;
    const QVariant saved = settings.value(hiddenKey(m_key));
    if (!saved.isValid())
        return;
    const int count = m_header->count();
    bool countOk = false;
    const int known = qMin(count, settings.value(countKey(m_key)).toInt(&countOk));
    QBitArray hide(count);
    for (const QString& s : saved.toString().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int i = s.toInt(&ok);
        if (ok && i >= 0 && i < count)
            hide.setBit(i);
    }
    // An edited or foreign value that hides everything is ignored.
    if (!countOk || known <= 0 || hide.count(true) >= count)
        return;
    for (int i = 0; i < known; ++i) {
        if (m_header->isSectionHidden(i) != hide.testBit(i)) {
            m_header->setSectionHidden(i, hide.testBit(i));
            if (!hide.testBit(i) && m_header->sectionSize(i) == 0)
                m_header->resizeSection(i, m_header->defaultSectionSize());
        }
    }
}

} // namespace pg
