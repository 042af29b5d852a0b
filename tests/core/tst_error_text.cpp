// SPDX-License-Identifier: GPL-3.0-or-later
// Error messages name the real cause: errno values map to their own error classes (a symlink loop
// is not a "read error", a file used as a folder is not "file not found"), every class has its
// own text, and an interrupts file with more CPU columns than the parser takes names the cap
// instead of blaming the file's size.

#include "core/base/ProcFs.h"
#include "core/interrupts/Interrupts.h"
#include "core/interrupts/InterruptsCollector.h"
#include "core/interrupts/Softirqs.h"
#include "tests/support/FakeProc.h"
#include "ui/interrupts/InterruptsPage.h"

#include <QLabel>
#include <QSet>
#include <QTest>
#include <cerrno>
#include <sys/stat.h>

using namespace pg;

namespace {

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// A header of `cpus` online CPUs and one interrupt row with a count for each.
std::string interruptsWithCpus(std::size_t cpus)
{
    std::string header, row = "  0:";
    header.reserve(cpus * 12);
    row.reserve(cpus * 3);
    for (std::size_t i = 0; i < cpus; ++i) {
        header += " CPU" + std::to_string(i);
        row += " 1";
    }
    return header + "\n" + row + "   IO-APIC   2-edge      timer\n";
}

const QString kCapText = QStringLiteral("more than 8192 CPU columns: the reader stops at 8192");

} // namespace

class TestErrorText : public QObject
{
    Q_OBJECT
private slots:
    void errnoClasses_data();
    void errnoClasses();
    void fileModes();
    void everyErrorHasItsOwnText();
    void interruptsCpuCap_data();
    void interruptsCpuCap();
    void interruptsCpuCapOnThePage();
};

void TestErrorText::errnoClasses_data()
{
    QTest::addColumn<int>("err");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("text");
    QTest::newRow("ENOENT") << ENOENT << int(Error::FileMissing) << "file not found";
    QTest::newRow("ELOOP") << ELOOP << int(Error::SymlinkLoop)
                           << "too many levels of symbolic links";
    QTest::newRow("ENOTDIR") << ENOTDIR << int(Error::NotAFolder)
                             << "a path component is not a folder";
    QTest::newRow("EISDIR") << EISDIR << int(Error::FolderNotFile)
                            << "not a regular file (it is a folder)";
    QTest::newRow("ESRCH") << ESRCH << int(Error::ProcessGone) << "the process has exited";
    QTest::newRow("EACCES") << EACCES << int(Error::PermissionDenied) << "permission denied";
    QTest::newRow("EIO") << EIO << int(Error::IoError) << "read error";
}

void TestErrorText::errnoClasses()
{
    QFETCH(int, err);
    QFETCH(int, error);
    QFETCH(QString, text);
    QCOMPARE(int(errorFromErrno(err)), error);
    QCOMPARE(q(errorText(errorFromErrno(err))), text);
}

void TestErrorText::fileModes()
{
    QCOMPARE(int(errorFromFileMode(S_IFREG | 0644)), int(Error::None));
    QCOMPARE(int(errorFromFileMode(S_IFIFO | 0644)), int(Error::FifoNotFile));
    QCOMPARE(int(errorFromFileMode(S_IFCHR | 0666)), int(Error::DeviceNotFile));
    QCOMPARE(int(errorFromFileMode(S_IFBLK | 0660)), int(Error::DeviceNotFile));
    QCOMPARE(int(errorFromFileMode(S_IFSOCK | 0777)), int(Error::SocketNotFile));
    QCOMPARE(int(errorFromFileMode(S_IFDIR | 0755)), int(Error::FolderNotFile));
}

void TestErrorText::everyErrorHasItsOwnText()
{
    QSet<QString> seen;
    for (int e = int(Error::None); e <= int(Error::SymlinkLoop); ++e) {
        const QString text = q(errorText(Error(e)));
        QVERIFY2(!text.isEmpty() && text != QLatin1String("unknown error"), qPrintable(text));
        QVERIFY2(!seen.contains(text), qPrintable(text));
        seen.insert(text);
    }
}

void TestErrorText::interruptsCpuCap_data()
{
    QTest::addColumn<int>("cpus");
    QTest::addColumn<bool>("ok");
    QTest::newRow("8192 CPUs: the cap itself") << 8192 << true;
    QTest::newRow("8193 CPUs") << 8193 << false;
    QTest::newRow("100,000 CPUs") << 100000 << false;
}

void TestErrorText::interruptsCpuCap()
{
    QFETCH(int, cpus);
    QFETCH(bool, ok);
    const std::string text = interruptsWithCpus(static_cast<std::size_t>(cpus));
    QVERIFY(text.size() < kDefaultMaxFileBytes); // not the reader's size limit
    const Result<Interrupts> parsed = parseInterrupts(text);
    QCOMPARE(parsed.ok(), ok);
    const Result<Softirqs> soft = parseSoftirqs(
        "  " + text.substr(0, text.find('\n')) + "\n          HI: " + std::string("1 ") + "\n");
    if (ok) {
        QCOMPARE(parsed->cpuIds.size(), std::size_t(cpus));
        return;
    }
    QCOMPARE(int(parsed.error()), int(Error::TooManyCpus));
    QCOMPARE(q(errorText(parsed.error())), kCapText);
    QCOMPARE(int(soft.error()), int(Error::TooManyCpus)); // the shared header parser
}

void TestErrorText::interruptsCpuCapOnThePage()
{
    pgtest::FakeProc fake;
    fake.writeFile(QStringLiteral("interrupts"), interruptsWithCpus(100000));
    InterruptsCollector collector(fake.root().toStdString());
    const InterruptsSnapshot s = collector.sample(1.0);
    QCOMPARE(int(s.interruptsError), int(Error::TooManyCpus));
    InterruptsPage page;
    page.show();
    page.applySnapshot(std::make_shared<InterruptsSnapshot>(s));
    QStringList texts;
    for (const QLabel* label : page.findChildren<QLabel*>())
        if (label->isVisible())
            texts << label->text();
    const QString text = texts.join(QLatin1Char('\n'));
    QVERIFY2(text.contains(QStringLiteral("Cannot read /proc/interrupts: ") + kCapText),
        qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("larger than the reader allows")), qPrintable(text));
}

QTEST_MAIN(TestErrorText)
#include "tst_error_text.moc"
