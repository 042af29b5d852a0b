// SPDX-License-Identifier: GPL-3.0-or-later
// The first time libpcp needs its configuration it copies pcp.conf's PCP_* settings into the
// environment with setenv(3). When that first time was the sampler thread opening the --host
// session, the GUI thread's getenv (QSettings restoring the layout) read the environment while it
// was rewritten and crashed (tst_host_window under ASan, SIGSEGV in getenv). The program's loader
// now prepares the module on the thread that makes the opener (kPcpModulePrepareEntry): the
// settings are in the environment at once, and opening a session from another thread writes
// nothing. libpcp loads its configuration once per process, so this binary checks only that.

#include "PcpModuleLoader.h"
#include "tests/support/PcpModule.h"

#include <QFile>
#include <QTest>
#include <thread>
#include <unistd.h>

using namespace pg;

namespace {

// Every entry of the environment, and the array that holds them.
struct EnvironmentCopy
{
    char** array = nullptr;
    std::vector<const char*> pointers;
    QList<QByteArray> texts;
};

EnvironmentCopy copyEnvironment()
{
    EnvironmentCopy copy;
    copy.array = environ;
    for (char** entry = environ; entry && *entry; ++entry) {
        copy.pointers.push_back(*entry);
        copy.texts << QByteArray(*entry);
    }
    return copy;
}

} // namespace

class TestPcpEnvironment : public QObject
{
    Q_OBJECT

private slots:
    void openerLoadsLibpcpSettingsOnItsOwnThread()
    {
        PCP_MODULE_OR_SKIP();
        if (!QFile::exists(QStringLiteral("/etc/pcp.conf"))
            || qEnvironmentVariableIsSet("PCP_CONF"))
            QSKIP("this check reads libpcp's settings from /etc/pcp.conf (pcp-conf), not found");
        if (qEnvironmentVariableIsSet("PCP_VAR_DIR"))
            QSKIP("the environment already holds libpcp's settings (PCP_VAR_DIR set), so libpcp "
                  "would write none of them");

        // Making the opener loads the module and, through it, libpcp's settings, on this thread.
        const auto open = pcpSessionOpenerFrom(pgtest::kPcpModule, "unix:/nonexistent/pmcd.socket");
        QVERIFY2(qEnvironmentVariableIsSet("PCP_VAR_DIR"),
            "libpcp's settings are not in the environment after the opener was made");
        QVERIFY(qEnvironmentVariableIsSet("PCP_ETC_DIR"));

        // Opening (here a socket that is not there) from another thread, as the sampler thread
        // does, leaves the environment exactly as it was: no entry added, replaced or moved.
        const EnvironmentCopy before = copyEnvironment();
        std::string error;
        bool opened = true;
        std::thread sampler([&] { opened = open(&error) != nullptr; });
        sampler.join();
        QVERIFY(!opened);
        QVERIFY2(!error.empty(), "a session that cannot be opened says why");
        const EnvironmentCopy after = copyEnvironment();
        QCOMPARE(after.texts, before.texts);
        QVERIFY(after.array == before.array);
        QVERIFY(after.pointers == before.pointers);
    }

    void aMissingModuleIsAnErrorAtEveryOpen()
    {
        const auto open = pcpSessionOpenerFrom("/nonexistent/procglass-pcp.so", "local:");
        for (int attempt = 0; attempt < 2; ++attempt) {
            std::string error;
            QVERIFY(open(&error) == nullptr);
            QVERIFY2(
                error.find("/nonexistent/procglass-pcp.so") != std::string::npos, error.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestPcpEnvironment)
#include "tst_pcp_environment.moc"
