// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A private Performance Co-Pilot pmcd for tests: only the pmcd, proc and linux agents, its own
// pmcd.conf (local connections only), its own namespace (PMNS) built from the installed agents'
// files, logs, pid and run files all in a temporary folder, a unix socket there, TCP only on
// 127.0.0.1 at a free port (never the system pmcd's 44321; a system pmcd is neither needed nor
// touched). pmcd and its agents run as the user running the test (pmcd -U, pmda -U): as root they
// stay root, as anyone else nothing needs the `pcp` user. Stopped by the pid this started.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <memory>
#include <netdb.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace pgtest {

class PrivatePmcd final
{
public:
    static constexpr const char* kPmcd = "/usr/lib/pcp/bin/pmcd";
    static constexpr const char* kPmcdWait = "/usr/lib/pcp/bin/pmcd_wait";
    static constexpr const char* kPmnsMerge = "/usr/lib/pcp/bin/pmnsmerge";
    static constexpr const char* kPmnsDir = "/var/lib/pcp/pmns";
    static constexpr const char* kPmdasDir = "/var/lib/pcp/pmdas";

    static bool installed() { return QFile::exists(QString::fromLatin1(kPmcd)); }

    PrivatePmcd() = default;
    PrivatePmcd(const PrivatePmcd&) = delete;
    PrivatePmcd& operator=(const PrivatePmcd&) = delete;
    ~PrivatePmcd() { stop(); }

    // Starts pmcd and waits (up to 20 s) until it answers on its socket; false with problem()
    // set otherwise.
    bool start()
    {
        if (!m_dir.isValid())
            return failed(QStringLiteral("no temporary folder"));
        const QString d = m_dir.path();
        for (const char* sub : { "run", "log", "tmp" })
            QDir(d).mkdir(QString::fromLatin1(sub));
        const QString user = userName();
        if (user.isEmpty())
            return failed(QStringLiteral("this user has no name (getpwuid)"));
        // The namespace: what the init script's Rebuild makes in /var/lib/pcp/pmns/root, for
        // these three agents only (a fresh install has no root until pmcd's service first starts).
        const QString pmns = d + QStringLiteral("/root.pmns");
        QProcess merge;
        merge.setWorkingDirectory(QString::fromLatin1(kPmnsDir));
        merge.start(QString::fromLatin1(kPmnsMerge),
            { QStringLiteral("root_pmcd"), QStringLiteral("root_proc"),
                QStringLiteral("root_linux"), pmns });
        if (!merge.waitForFinished(30000) || merge.exitCode() != 0)
            return failed(QStringLiteral("pmnsmerge failed: ")
                + QString::fromLocal8Bit(merge.readAllStandardError()));
        const QString pmdas = QString::fromLatin1(kPmdasDir);
        QFile conf(d + QStringLiteral("/pmcd.conf"));
        if (!conf.open(QIODevice::WriteOnly))
            return failed(QStringLiteral("cannot write pmcd.conf"));
        conf.write(
            QStringLiteral("pmcd\t2\tdso\tpmcd_init\t%1/pmcd/pmda_pmcd.so\n"
                           "proc\t3\tpipe\tbinary\t%1/proc/pmdaproc -d 3 -U %2 -l %3/proc.log\n"
                           "linux\t60\tpipe\tbinary\t%1/linux/pmdalinux -U %2 -l %3/linux.log\n"
                           "[access]\n"
                           "allow \"local:*\" : all;\n"
                           "disallow \".*\" : all;\n")
                .arg(pmdas, user, d)
                .toLocal8Bit());
        conf.close();
        m_socket = d + QStringLiteral("/pmcd.socket");
        const int port = m_port = freePort();
        if (port <= 0)
            return failed(QStringLiteral("no free TCP port on 127.0.0.1"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PCP_DERIVED_CONFIG"), QString());
        env.insert(QStringLiteral("PCP_RUN_DIR"), d + QStringLiteral("/run"));
        env.insert(QStringLiteral("PCP_LOG_DIR"), d + QStringLiteral("/log"));
        env.insert(QStringLiteral("PCP_TMP_DIR"), d + QStringLiteral("/tmp"));
        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(env);
        m_process->setWorkingDirectory(d);
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->start(QString::fromLatin1(kPmcd),
            { QStringLiteral("-f"), QStringLiteral("-A"), QStringLiteral("-U"), user,
                QStringLiteral("-i"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                QString::number(port), QStringLiteral("-n"), pmns, QStringLiteral("-c"),
                conf.fileName(), QStringLiteral("-s"), m_socket, QStringLiteral("-l"),
                d + QStringLiteral("/pmcd.log"), QStringLiteral("-x"),
                d + QStringLiteral("/pmcd.err") });
        if (!m_process->waitForStarted(10000))
            return failed(QStringLiteral("pmcd did not start: ") + m_process->errorString());
        QProcess wait;
        wait.start(QString::fromLatin1(kPmcdWait),
            { QStringLiteral("-h"), hostSpec(), QStringLiteral("-t"), QStringLiteral("20") });
        if (!wait.waitForFinished(30000) || wait.exitCode() != 0)
            return failed(QStringLiteral("pmcd did not answer within 20 s; its log: ") + log());
        return true;
    }

    void stop()
    {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return;
        m_process->terminate(); // SIGTERM to the pid this started: pmcd stops its agents
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }

    QString hostSpec() const { return QStringLiteral("unix:") + m_socket; }
    // The same pmcd over TCP (127.0.0.1): no credentials, so per-process metrics are refused.
    QString tcpHostSpec() const { return QStringLiteral("127.0.0.1:") + QString::number(m_port); }
    // Empty when TCP clients can connect; else why not, for a QSKIP. pmcd refuses every TCP
    // client when it can resolve neither this host's name nor "localhost" ("__pmGetAddrInfo
    // failure for both ... and localhost" in its log): a root without /etc/hosts, as a fresh
    // debootstrap is. There is no TCP to test there.
    static QString tcpUnusableWhy()
    {
        addrinfo* found = nullptr;
        const int rc = ::getaddrinfo("localhost", nullptr, nullptr, &found);
        if (found)
            ::freeaddrinfo(found);
        return rc == 0 ? QString()
                       : QStringLiteral("\"localhost\" does not resolve here (no /etc/hosts?): "
                                        "pmcd refuses every TCP client then");
    }
    qint64 pid() const { return m_process ? m_process->processId() : -1; }
    QString problem() const { return m_problem; }
    QString log() const
    {
        QString text;
        for (const char* name : { "/pmcd.log", "/pmcd.err", "/proc.log", "/linux.log" }) {
            QFile f(m_dir.path() + QString::fromLatin1(name));
            if (f.open(QIODevice::ReadOnly))
                text += QString::fromLatin1(name) + QStringLiteral(":\n")
                    + QString::fromLocal8Bit(f.readAll().right(2000));
        }
        return text;
    }

private:
    bool failed(const QString& why)
    {
        m_problem = why;
        return false;
    }

    static QString userName()
    {
        const passwd* pw = ::getpwuid(::geteuid());
        return pw ? QString::fromLocal8Bit(pw->pw_name) : QString();
    }

    // A port the kernel just gave to a bound and closed socket on 127.0.0.1.
    static int freePort()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            return -1;
        sockaddr_in a {};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        int port = -1;
        if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0
            && ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
            port = ntohs(a.sin_port);
        ::close(fd);
        return port;
    }

    QTemporaryDir m_dir { QDir::tempPath() + QStringLiteral("/procglass-pmcd-XXXXXX") };
    QString m_socket;
    QString m_problem;
    int m_port = -1;
    std::unique_ptr<QProcess> m_process;
};

} // namespace pgtest

// In a Qt Test function (QSKIP and QVERIFY2 return from it): skips when pmcd is not installed,
// else starts `pmcd` and fails with its problem() when it does not start (an installed pmcd that
// cannot start is a defect to see, not a skip).
#define PRIVATE_PMCD_START_OR_SKIP(pmcd)                                                           \
    do {                                                                                           \
        if (!pgtest::PrivatePmcd::installed())                                                     \
            QSKIP("pmcd is not installed (Debian: pcp; build.sh installs it)");                    \
        QVERIFY2((pmcd).start(), qPrintable((pmcd).problem()));                                    \
    } while (false)

// In a Qt Test function: skips, saying why, where pmcd refuses every TCP client (tcpUnusableWhy).
#define PRIVATE_PMCD_SKIP_UNLESS_TCP()                                                             \
    do {                                                                                           \
        if (const QString why = pgtest::PrivatePmcd::tcpUnusableWhy(); !why.isEmpty())             \
            QSKIP(qPrintable(why));                                                                \
    } while (false)
