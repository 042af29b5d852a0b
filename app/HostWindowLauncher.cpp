// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostWindowLauncher.h"

#include "core/pcp/PcpHostSpec.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <climits>
#include <cstdlib>

namespace pg {

qint64 openHostWindow(const QString& spec, QString* error)
{
    char self[PATH_MAX];
    if (!::realpath("/proc/self/exe", self)) {
        *error = QStringLiteral("cannot find this program's own path (/proc/self/exe)");
        return 0;
    }
    const std::string full = spec.trimmed().toStdString();
    const QString shown = QString::fromStdString(pcpSpecWithoutSecrets(full));
    QProcess process;
    process.setProgram(QString::fromLocal8Bit(self));
    process.setArguments({ QStringLiteral("--host"), shown });
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QString::fromLatin1(kHostSpecEnv));
    if (pcpSpecHasSecret(full))
        env.insert(QString::fromLatin1(kHostSpecEnv), QString::fromStdString(full));
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    qint64 pid = 0;
    if (!process.startDetached(&pid)) {
        *error = QStringLiteral("cannot start %1: %2")
                     .arg(QString::fromLocal8Bit(self), process.errorString());
        return 0;
    }
    return pid;
}

} // namespace pg
