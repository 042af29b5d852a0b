// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// File > Connect to host...: a PCP host spec typed or picked from the recent hosts (RecentHosts),
// with a short help on the spec's forms. The window then opens another window for that host (the
// application decides how: app/HostWindowLauncher); this dialog only asks.

#include <QDialog>

class QLineEdit;
class QListWidget;
class QPushButton;

namespace pg {

class ConnectHostDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectHostDialog(const QStringList& recent, QWidget* parent = nullptr);

    QString spec() const; // trimmed, as typed (with any password: it goes to libpcp only)
    QLineEdit* specEdit() const { return m_spec; }
    QListWidget* recentList() const { return m_recent; }
    QPushButton* connectButton() const { return m_connect; }
    static QString helpText();

private:
    QLineEdit* m_spec;
    QListWidget* m_recent;
    QPushButton* m_connect;
};

} // namespace pg
