// SPDX-License-Identifier: GPL-3.0-or-later
// Parsers of the process details files (environ, fd targets, fdinfo, io, limits, cgroup, task) over
// fixtures in tests/data/details, and the details reader over a fake /proc tree.

#include "core/base/ParseUtil.h"
#include "core/base/ProcFs.h"
#include "core/process/PidCgroup.h"
#include "core/process/PidEnviron.h"
#include "core/process/PidFd.h"
#include "core/process/PidIo.h"
#include "core/process/PidLimits.h"
#include "core/process/PidTask.h"
#include "core/process/ProcessDetails.h"

#include <QTest>
#include <fcntl.h>

using namespace pg;

namespace {

std::string fixture(const char* name)
{
    auto text = readWholeFile(std::string(PROCGLASS_TEST_DATA "/details/") + name);
    if (!text)
        qFatal("missing fixture %s", name);
    return *text;
}

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

const std::string kTree = PROCGLASS_TEST_DATA "/details/proctree";

} // namespace

class TestDetailsParsers final : public QObject
{
    Q_OBJECT
private slots:
    void environ_data();
    void environ();
    void fdTarget_data();
    void fdTarget();
    void fdInfo_data();
    void fdInfo();
    void openFlags_data();
    void openFlags();
    void io_data();
    void io();
    void limits_data();
    void limits();
    void cgroup_data();
    void cgroup();
    void thread();
    void readerOnFakeTree();
    void readerKernelThread();
    void readerVanishedProcess();
};

void TestDetailsParsers::environ_data()
{
    QTest::addColumn<QString>("file");
    // NAME=VALUE joined by '|'; a string without '=' is shown as "!NAME".
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty values, '=' in values, no '=' at all, trailing NULs")
        << "environ-mixed.bin"
        << "HOME=/home/ada|EMPTY=|EQUALS=a=b=c|!NOEQUALS|PATH=/usr/bin:/bin|=leading|LAST=end";
    QTest::newRow("empty file (kernel thread, zombie)") << "environ-empty.bin"
                                                        << "";
    QTest::newRow("last string without its NUL") << "environ-no-trailing-nul.bin"
                                                 << "ONE=1";
}

void TestDetailsParsers::environ()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const auto vars = parsePidEnviron(fixture(file.toUtf8().constData()));
    QStringList got;
    for (const EnvVar& v : vars)
        got << (v.hasEquals ? q(v.name) + '=' + q(v.value) : '!' + q(v.name));
    QCOMPARE(got.join('|'), expected);
}

void TestDetailsParsers::fdTarget_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("name");
    const std::string text = fixture("fd-targets.txt");
    std::string_view rest = text;
    std::string_view line;
    while (parse::nextLine(rest, line)) {
        if (line.empty() || line.front() == '#')
            continue;
        const QStringList cells = q(line).split('\t');
        QCOMPARE(cells.size(), 3);
        QTest::newRow(cells[0].toUtf8().constData()) << cells[0] << cells[1] << cells[2];
    }
}

void TestDetailsParsers::fdTarget()
{
    QFETCH(QString, target);
    QFETCH(QString, kind);
    QFETCH(QString, name);
    const FdTarget t = classifyFdTarget(target.toStdString());
    QCOMPARE(q(fdKindName(t.kind)), kind);
    if (t.kind == FdKind::Socket || t.kind == FdKind::Pipe)
        QCOMPARE(QString::number(t.inode), name);
    else
        QCOMPARE(q(t.name), name);
}

void TestDetailsParsers::fdInfo_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("error");
    QTest::addColumn<qulonglong>("pos");
    QTest::addColumn<QString>("flags");
    QTest::addColumn<int>("mntId");
    QTest::addColumn<int>("extraLines");
    const int ok = int(Error::None);
    QTest::newRow("read-only file")
        << "fdinfo-rdonly.txt" << ok << 0ull << "O_RDONLY|O_LARGEFILE" << 24 << 1;
    QTest::newRow("append, cloexec, offset") << "fdinfo-append-cloexec.txt" << ok << 4096ull
                                             << "O_RDWR|O_APPEND|O_LARGEFILE|O_CLOEXEC" << 31 << 0;
    QTest::newRow("eventfd with type lines")
        << "fdinfo-eventfd.txt" << ok << 0ull << "O_RDWR|O_NONBLOCK|O_CLOEXEC" << 15 << 3;
    QTest::newRow("flags not octal")
        << "fdinfo-bad-flags.txt" << int(Error::BadNumber) << 0ull << "" << 0 << 0;
    QTest::newRow("no flags line")
        << "fdinfo-truncated.txt" << int(Error::Truncated) << 0ull << "" << 0 << 0;
}

void TestDetailsParsers::fdInfo()
{
    QFETCH(QString, file);
    QFETCH(int, error);
    auto info = parseFdInfo(fixture(file.toUtf8().constData()));
    QCOMPARE(int(info.error()), error);
    if (error != int(Error::None))
        return;
    QFETCH(qulonglong, pos);
    QFETCH(QString, flags);
    QFETCH(int, mntId);
    QFETCH(int, extraLines);
    QCOMPARE(qulonglong(info->pos), pos);
    QCOMPARE(q(describeOpenFlags(info->flags)), flags);
    QCOMPARE(info->mntId, mntId);
    QCOMPARE(int(info->extra.size()), extraLines);
}

void TestDetailsParsers::openFlags_data()
{
    QTest::addColumn<uint>("flags");
    QTest::addColumn<QString>("text");
    QTest::newRow("write only") << uint(O_WRONLY) << "O_WRONLY";
    QTest::newRow("creat trunc") << uint(O_WRONLY | O_CREAT | O_TRUNC)
                                 << "O_WRONLY|O_CREAT|O_TRUNC";
    QTest::newRow("O_SYNC is not shown as O_DSYNC") << uint(O_RDWR | O_SYNC) << "O_RDWR|O_SYNC";
    QTest::newRow("O_DSYNC alone") << uint(O_RDWR | O_DSYNC) << "O_RDWR|O_DSYNC";
    QTest::newRow("directory") << uint(O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                               << "O_RDONLY|O_DIRECTORY|O_CLOEXEC";
    QTest::newRow("unknown bit in octal")
        << uint(O_RDONLY | 010000000000u) << "O_RDONLY|010000000000";
}

void TestDetailsParsers::openFlags()
{
    QFETCH(uint, flags);
    QFETCH(QString, text);
    QCOMPARE(q(describeOpenFlags(flags)), text);
}

void TestDetailsParsers::io_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("error");
    QTest::newRow("real") << "io-self.txt" << int(Error::None);
    QTest::newRow("cancelled_write_bytes missing") << "io-truncated.txt" << int(Error::Truncated);
    QTest::newRow("syscr not a number") << "io-bad-number.txt" << int(Error::BadNumber);
}

void TestDetailsParsers::io()
{
    QFETCH(QString, file);
    QFETCH(int, error);
    auto io = parsePidIo(fixture(file.toUtf8().constData()));
    QCOMPARE(int(io.error()), error);
    if (!io)
        return;
    QCOMPARE(io->rcharBytes, 6976u);
    QCOMPARE(io->readSyscalls, 10u);
    QCOMPARE(io->writeBytes, 4096u);
    QCOMPARE(io->cancelledWriteBytes, 0u);
}

void TestDetailsParsers::limits_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("error");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("name"); // one row checked: name, soft, hard, units
    QTest::addColumn<QString>("soft");
    QTest::addColumn<QString>("hard");
    QTest::addColumn<QString>("units");
    QTest::newRow("kernel's aligned columns")
        << "limits-aligned.txt" << int(Error::None) << 16 << "Max stack size"
        << "8388608"
        << "unlimited"
        << "bytes";
    QTest::newRow("row off the columns")
        << "limits-misaligned.txt" << int(Error::None) << 4 << "Max open files"
        << "1024"
        << "524288"
        << "files";
    QTest::newRow("no units") << "limits-misaligned.txt" << int(Error::None) << 4
                              << "Max nice priority"
                              << "0"
                              << "0"
                              << "";
    QTest::newRow("soft limit not a number")
        << "limits-bad-number.txt" << int(Error::BadNumber) << 0 << ""
        << ""
        << ""
        << "";
    QTest::newRow("not a limits file")
        << "limits-bad-header.txt" << int(Error::BadFormat) << 0 << ""
        << ""
        << ""
        << "";
}

void TestDetailsParsers::limits()
{
    QFETCH(QString, file);
    QFETCH(int, error);
    auto limits = parsePidLimits(fixture(file.toUtf8().constData()));
    QCOMPARE(int(limits.error()), error);
    if (!limits)
        return;
    QFETCH(int, count);
    QFETCH(QString, name);
    QFETCH(QString, soft);
    QFETCH(QString, hard);
    QFETCH(QString, units);
    QCOMPARE(int(limits->size()), count);
    auto text = [](const LimitValue& v) {
        return v.unlimited ? QStringLiteral("unlimited") : QString::number(v.value);
    };
    bool found = false;
    for (const PidLimit& l : *limits) {
        if (q(l.name) != name)
            continue;
        found = true;
        QCOMPARE(text(l.soft), soft);
        QCOMPARE(text(l.hard), hard);
        QCOMPARE(q(l.units), units);
    }
    QVERIFY2(found, qPrintable(name));
}

void TestDetailsParsers::cgroup_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("expected"); // id:controllers:path joined by '|'
    QTest::newRow("v2 unified") << "cgroup-v2.txt" << int(Error::None)
                                << "0::/user.slice/user-1000.slice/user@1000.service/app.slice/"
                                   "app-org.kde.konsole-1234.scope";
    QTest::newRow("v1 hierarchies, named, ':' in path")
        << "cgroup-v1.txt" << int(Error::None)
        << "12:pids:/user.slice/user-1000.slice/session-2.scope|11:cpu,cpuacct:/"
           "user.slice|4:memory:/docker/3f1c:weird:path|"
           "1:name=systemd:/user.slice/user-1000.slice/session-2.scope|0::/user.slice/"
           "user-1000.slice/session-2.scope";
    QTest::newRow("hierarchy id not a number")
        << "cgroup-bad-id.txt" << int(Error::BadNumber) << "";
    QTest::newRow("no colons") << "cgroup-no-colons.txt" << int(Error::BadFormat) << "";
}

void TestDetailsParsers::cgroup()
{
    QFETCH(QString, file);
    QFETCH(int, error);
    QFETCH(QString, expected);
    auto entries = parsePidCgroup(fixture(file.toUtf8().constData()));
    QCOMPARE(int(entries.error()), error);
    if (!entries)
        return;
    QStringList got;
    for (const CgroupEntry& e : *entries) {
        QStringList controllers;
        for (const auto& c : e.controllers)
            controllers << q(c);
        got << QStringLiteral("%1:%2:%3").arg(e.hierarchyId).arg(controllers.join(','), q(e.path));
    }
    QCOMPARE(got.join('|'), expected);
    QCOMPARE(entries->back().isUnified(), true);
}

void TestDetailsParsers::thread()
{
    const std::string stat = fixture("proctree/4242/task/4243/stat");
    const std::string status = fixture("proctree/4242/task/4243/status");
    auto t = parseThread(stat, status);
    QVERIFY(t.ok());
    QCOMPARE(t->tid, 4243);
    QCOMPARE(q(t->comm), QStringLiteral("worker #1"));
    QCOMPARE(t->state, 'R');
    QCOMPARE(t->cpuTimeTicks(), 60u);
    QCOMPARE(t->voluntaryCtxtSwitches.value_or(0), 50u);
    QCOMPARE(t->nonvoluntaryCtxtSwitches.value_or(0), 2u);
    // Without status the counters are unknown, not 0.
    auto bare = parseThread(stat, {});
    QVERIFY(bare.ok());
    QVERIFY(!bare->voluntaryCtxtSwitches);
    QCOMPARE(int(parseThread("", status).error()), int(Error::Empty));
}

void TestDetailsParsers::readerOnFakeTree()
{
    const ProcessDetails d = readProcessDetails(kTree, 4242);
    QVERIFY(d.stat.ok());
    QVERIFY(!d.gone());
    QVERIFY(!d.kernelThread());
    QCOMPARE(q(d.stat->comm), QStringLiteral("my server"));
    QVERIFY(d.cmdline.ok());
    QCOMPARE(int(d.cmdline->size()), 4);
    QCOMPARE(q((*d.cmdline)[2]), QString()); // an empty argument is kept
    QCOMPARE(q((*d.cmdline)[3]), QStringLiteral("--name=a b"));
    QVERIFY(d.environ.ok());
    QCOMPARE(int(d.environ->size()), 3);
    QCOMPARE(q((*d.environ)[2].value), QStringLiteral("a=b"));
    QCOMPARE(q(d.exe.valueOr({})), QStringLiteral("/usr/bin/my-server"));
    QCOMPARE(q(d.cwd.valueOr({})), QStringLiteral("/srv"));
    QCOMPARE(q(d.wchan.valueOr({})), QStringLiteral("do_epoll_wait"));
    QCOMPARE(q(d.parentComm.valueOr({})), QStringLiteral("systemd"));
    QVERIFY(d.io.ok());
    QVERIFY(d.limits.ok());
    QVERIFY(d.cgroup.ok());
    QCOMPARE(d.bootTimeUnix.value_or(0), 1764000000u);
    QVERIFY(d.elapsedSeconds().has_value());
    QCOMPARE(*d.elapsedSeconds(), 5000.0 - 200000.0 / double(d.ticksPerSecond));

    QVERIFY(d.files.ok());
    QStringList files;
    for (const OpenFile& f : *d.files)
        files << QStringLiteral("%1 %2 %3")
                     .arg(f.fd)
                     .arg(q(fdKindName(f.what.kind)))
                     .arg(f.info ? q(describeOpenFlags(f.info->flags)) : QStringLiteral("-"));
    QCOMPARE(files.join('|'),
        QStringLiteral(
            "0 device O_RDONLY|O_LARGEFILE|3 socket -|4 pipe -|5 deleted file "
            "O_RDWR|O_APPEND|O_LARGEFILE|O_CLOEXEC|6 anon inode O_RDWR|O_NONBLOCK|O_CLOEXEC"));
    QCOMPARE(int((*d.files)[1].infoError), int(Error::FileMissing));

    QVERIFY(d.threads.ok());
    QCOMPARE(int(d.threads->size()), 2);
    QCOMPARE(q((*d.threads)[1].comm), QStringLiteral("worker #1"));
    QCOMPARE((*d.threads)[0].voluntaryCtxtSwitches.value_or(0), 100u);
}

void TestDetailsParsers::readerKernelThread()
{
    const ProcessDetails d = readProcessDetails(kTree, 2);
    QVERIFY(d.kernelThread());
    QVERIFY(d.environ.ok());
    QVERIFY(d.environ->empty());
    QVERIFY(d.cmdline->empty());
    QCOMPARE(int(d.exe.error()), int(Error::FileMissing));
    QVERIFY(!d.parentComm.ok()); // ppid 0: there is no parent process
}

void TestDetailsParsers::readerVanishedProcess()
{
    const ProcessDetails d = readProcessDetails(kTree, 9999);
    QVERIFY(d.gone());
    QCOMPARE(int(d.environ.error()), int(Error::FileMissing));
    const QString why = q(explainReadError(d, "environ", d.environ.error()));
    QVERIFY2(why.contains("/9999/environ") && why.contains("exited"), qPrintable(why));
}

QTEST_GUILESS_MAIN(TestDetailsParsers)
#include "tst_details_parsers.moc"
