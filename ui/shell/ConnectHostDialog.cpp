// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/ConnectHostDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace pg {

ConnectHostDialog::ConnectHostDialog(const QStringList& recent, QWidget* parent)
    : QDialog(parent)
    , m_spec(new QLineEdit(this))
    , m_recent(new QListWidget(this))
{
    setWindowTitle(tr("Connect to host"));
    m_spec->setObjectName(QStringLiteral("hostSpec"));
    m_spec->setPlaceholderText(tr("HOST, HOST:PORT, pcps://HOST?username=USER, unix:PATH, local:"));
    m_recent->setObjectName(QStringLiteral("recentHosts"));
    m_recent->addItems(recent);
    m_recent->setMaximumHeight(m_recent->sizeHintForRow(0) * 6 + 8);
    auto* help = new QLabel(helpText(), this);
    help->setObjectName(QStringLiteral("hostHelp"));
    help->setWordWrap(true);
    help->setTextFormat(Qt::RichText);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_connect = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setEnabled(false);

    auto* form = new QFormLayout;
    form->addRow(tr("&Host:"), m_spec);
    auto* recentLabel = new QLabel(tr("&Recent:"), this);
    recentLabel->setBuddy(m_recent);
    form->addRow(recentLabel, m_recent);
    recentLabel->setVisible(!recent.isEmpty());
    m_recent->setVisible(!recent.isEmpty());
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(help);
    layout->addWidget(buttons);

    connect(m_spec, &QLineEdit::textChanged, this,
        [this](const QString& text) { m_connect->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_recent, &QListWidget::currentTextChanged, m_spec, &QLineEdit::setText);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        m_spec->setText(item->text());
        accept();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(520, sizeHint().height());
}

QString ConnectHostDialog::spec() const
{
    return m_spec->text().trimmed();
}

QString ConnectHostDialog::helpText()
{
    return tr("<p>A new window shows that host's processes, system figures and interrupts, read "
              "from its Performance Co-Pilot <tt>pmcd</tt>. Forms:</p>"
              "<ul><li><tt>HOST</tt> or <tt>HOST:PORT</tt> (port 44321 by default)</li>"
              "<li><tt>pcp://HOST</tt>, <tt>pcps://HOST?username=USER</tt> (encrypted, "
              "authenticated: pmcd gives per-process metrics over TCP only to a user)</li>"
              "<li><tt>unix:PATH</tt> (a pmcd socket, e.g. <tt>unix:/run/pcp/pmcd.socket</tt>) "
              "or <tt>local:</tt> (this machine's pmcd)</li></ul>"
              "<p>The memory pages, the details and the process actions stay local only. A "
              "password in the spec is used for this connection and never saved.</p>");
}

} // namespace pg
