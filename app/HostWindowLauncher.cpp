// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostWindowLauncher.h"

#include "core/pcp/PcpHostSpec.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <climits>
#include <cstdlib>

namespace pg {

namespace {

// This very program (never PATH), detached, with `arguments` and `env`.
qint64 startWindow(const QStringList& arguments, const QProcessEnvironment& env, QString* error)
{
    char self[PATH_MAX];
    if (!::realpath("/proc/self/exe", self)) {
        *error = QStringLiteral("cannot find this program's own path (/proc/self/exe)");
        return 0;
    }
    QProcess process;
    process.setProgram(QString::fromLocal8Bit(self));
    process.setArguments(arguments);
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

QProcessEnvironment withoutHostSpec()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QString::fromLatin1(kHostSpecEnv));
    return env;
}

} // namespace

qint64 openHostWindow(const QString& spec, QString* error)
{
    const std::string full = spec.trimmed().toStdString();
    const QString shown = QString::fromStdString(pcpSpecWithoutSecrets(full));
    QProcessEnvironment env = withoutHostSpec();
    if (pcpSpecHasSecret(full))
        env.insert(QString::fromLatin1(kHostSpecEnv), QString::fromStdString(full));
    return startWindow({ QStringLiteral("--host"), shown }, env, error);
}

QStringList archiveWindowArguments(const QString& path)
{
    return { QStringLiteral("--archive=") + path };
}

qint64 openArchiveWindow(const QString& path, QString* error)
{
    return startWindow(archiveWindowArguments(path), withoutHostSpec(), error);
}

} // namespace pg
