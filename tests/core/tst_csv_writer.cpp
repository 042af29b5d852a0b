// SPDX-License-Identifier: GPL-3.0-or-later
// CsvWriter: RFC 4180 quoting, the reversible byte escape, formula neutralisation that leaves
// numbers alone, and the atomic file write (a failure leaves no file and keeps an old one).

#include "core/export/CsvWriter.h"
#include "core/export/ProcessCsv.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace pg;

namespace {

// The documented decoding of one field, written independently of the writer: unquote, drop one
// leading apostrophe, then "\\" -> "\" and "\xHH" -> byte.
std::string decodeField(std::string field)
{
    if (field.size() >= 2 && field.front() == '"' && field.back() == '"') {
        std::string inner;
        for (std::size_t i = 1; i + 1 < field.size(); ++i) {
            inner += field[i];
            if (field[i] == '"')
                ++i; // the doubled quote
        }
        field = inner;
    }
    if (!field.empty() && field.front() == '\'')
        field.erase(0, 1);
    std::string out;
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 1 < field.size() && field[i + 1] == '\\') {
            out += '\\';
            ++i;
        } else if (field[i] == '\\' && i + 3 < field.size() && field[i + 1] == 'x') {
            out += static_cast<char>(std::stoi(field.substr(i + 2, 2), nullptr, 16));
            i += 3;
        } else {
            out += field[i];
        }
    }
    return out;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class TestCsvWriter : public QObject
{
    Q_OBJECT
private slots:
    void field_data();
    void field();
    void roundTripRandomBytes();
    void encodeUsesCrlfAndHeader();
    void processColumnsInOrder();
    void isoTimes();
    void writeFileAtomically();
    void missingFolderLeavesNothing();
    void targetIsFolder();
    void diskFullKeepsOldFile();
};

void TestCsvWriter::field_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("bash") << QByteArray("bash");
    QTest::newRow("empty") << QByteArray("") << QByteArray("");
    QTest::newRow("comma") << QByteArray("a,b") << QByteArray("\"a,b\"");
    QTest::newRow("quote") << QByteArray("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << QByteArray("a\nb") << QByteArray("\"a\nb\"");
    QTest::newRow("cr inside") << QByteArray("a\rb") << QByteArray("\"a\rb\"");
    QTest::newRow("formula =") << QByteArray("=1+1") << QByteArray("'=1+1");
    QTest::newRow("formula +") << QByteArray("+cmd|x") << QByteArray("'+cmd|x");
    QTest::newRow("formula -") << QByteArray("-rf") << QByteArray("'-rf");
    QTest::newRow("formula @") << QByteArray("@SUM(A1)") << QByteArray("'@SUM(A1)");
    QTest::newRow("formula tab") << QByteArray("\tx") << QByteArray("'\tx");
    QTest::newRow("formula cr") << QByteArray("\rx") << QByteArray("\"'\rx\"");
    QTest::newRow("formula with comma") << QByteArray("=A1,B1") << QByteArray("\"'=A1,B1\"");
    QTest::newRow("negative int stays") << QByteArray("-20") << QByteArray("-20");
    QTest::newRow("negative decimal stays") << QByteArray("-0.25") << QByteArray("-0.25");
    QTest::newRow("negative exponent stays") << QByteArray("-1e5") << QByteArray("-1e5");
    QTest::newRow("minus not number") << QByteArray("-5x") << QByteArray("'-5x");
    QTest::newRow("lone minus") << QByteArray("-") << QByteArray("'-");
    QTest::newRow("apostrophe doubled") << QByteArray("'quoted") << QByteArray("''quoted");
    QTest::newRow("backslash doubled") << QByteArray("C:\\dir") << QByteArray("C:\\\\dir");
    QTest::newRow("invalid byte") << QByteArray("a\xff"
                                                "b")
                                  << QByteArray("a\\xFFb");
    QTest::newRow("lone continuation") << QByteArray("\x80") << QByteArray("\\x80");
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << QByteArray("\\xC0\\xAF");
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << QByteArray("\\xED\\xA0\\x80");
    QTest::newRow("truncated sequence") << QByteArray("\xe2\x82") << QByteArray("\\xE2\\x82");
    QTest::newRow("valid utf8 kept") << QByteArray("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80")
                                     << QByteArray("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
    QTest::newRow("nul escaped") << QByteArray("a\0b", 3) << QByteArray("a\\x00b");
    QTest::newRow("escaped backslash then invalid")
        << QByteArray("\\\xfe") << QByteArray("\\\\\\xFE");
    QTest::newRow("invalid first then formula") << QByteArray("=\xff") << QByteArray("'=\\xFF");
}

void TestCsvWriter::field()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, expected);
    const std::string out
        = csvField(std::string_view(raw.constData(), static_cast<std::size_t>(raw.size())));
    QCOMPARE(QByteArray::fromStdString(out), expected);
    QCOMPARE(QByteArray::fromStdString(decodeField(out)), raw);
}

void TestCsvWriter::roundTripRandomBytes()
{
    // Whatever bytes a process name holds, the field is valid UTF-8 and decodes back exactly.
    QRandomGenerator rng(4180);
    for (int i = 0; i < 2000; ++i) {
        std::string raw(rng.bounded(0, 24), '\0');
        for (char& c : raw)
            c = static_cast<char>(i % 2 ? rng.bounded(0, 256)
                                        : rng.bounded(0x20, 0x7f)); // odd: any byte; even: ASCII
        const std::string out = csvField(raw);
        QVERIFY2(QString::fromUtf8(out.data(), static_cast<qsizetype>(out.size())).toUtf8()
                == QByteArray::fromStdString(out),
            "the field is not valid UTF-8");
        QCOMPARE(QByteArray::fromStdString(decodeField(out)), QByteArray::fromStdString(raw));
        // The encoder's fast path for plain fields gives the same bytes as the documented steps.
        const CsvTable table { { "h" }, { { raw } } };
        QCOMPARE(QByteArray::fromStdString(csvEncode(table)),
            QByteArray::fromStdString("h\r\n" + out + "\r\n"));
    }
    for (const char* plain :
        { "0", "-1", "-1.5", "bash", "a b", "kworker/u8:2", "-x", "'", "a\\b", "~" }) {
        const CsvTable table { { "h" }, { { plain } } };
        QCOMPARE(QByteArray::fromStdString(csvEncode(table)),
            QByteArray::fromStdString("h\r\n" + csvField(plain) + "\r\n"));
    }
}

void TestCsvWriter::encodeUsesCrlfAndHeader()
{
    CsvTable table;
    table.header = { "pid", "comm" };
    table.rows = { { "1", "init" }, { "42", "a\nb" } };
    QCOMPARE(QByteArray::fromStdString(csvEncode(table)),
        QByteArray("pid,comm\r\n1,init\r\n42,\"a\nb\"\r\n"));
    CsvTable empty;
    empty.header = { "metric", "value", "unit" };
    QCOMPARE(QByteArray::fromStdString(csvEncode(empty)), QByteArray("metric,value,unit\r\n"));
}

void TestCsvWriter::processColumnsInOrder()
{
    ProcessSnapshot snapshot;
    snapshot.clockTicksPerSecond = 100;
    ProcessInfo& p = snapshot.processes.emplace_back();
    p.key = { 42, 1000 };
    p.ppid = 1;
    p.state = 'R';
    p.uid = 1000;
    p.uidKnown = true;
    p.user = std::make_shared<const std::string>("alice");
    auto names = std::make_shared<ProcessNames>();
    names->comm = "=evil,\"x\"";
    names->cmdline = "prog -n a b";
    p.names = names;
    p.threads = 3;
    p.nice = -5;
    p.priority = 15;
    p.utimeTicks = 150;
    p.stimeTicks = 25;
    p.cpuPercent = 12.345;
    p.virtKib = 1024;
    p.resKib = 512;
    p.shrKib = 256;
    p.startTimeUnixMs = 1764193999999; // 2025-11-26T21:53:19.999Z
    ProcessInfo& gone = snapshot.processes.emplace_back();
    gone.key = { 43, 5 };
    gone.memError = Error::PermissionDenied; // unknown memory: empty fields, not 0

    const CsvTable table = processesToCsv(snapshot);
    const std::vector<std::string> header
        = { "pid", "ppid", "user", "uid", "state", "comm", "cmdline", "threads", "nice", "priority",
              "cpu_percent", "cpu_time_s", "virt_kib", "res_kib", "shr_kib", "start_time",
              "kernel_thread", "io_read_bytes_per_s", "io_write_bytes_per_s" };
    QCOMPARE(table.header, header);
    QCOMPARE(table.rows.size(), std::size_t(2));
    const std::vector<std::string> row
        = { "42", "1", "alice", "1000", "R", "=evil,\"x\"", "prog -n a b", "3", "-5", "15", "12.35",
              "1.75", "1024", "512", "256", "2025-11-26T21:53:19Z", "0", "", "" };
    QCOMPARE(table.rows[0], row);
    QCOMPARE(table.rows[1][3], std::string()); // uid unknown
    QCOMPARE(table.rows[1][10], std::string()); // cpu_percent before a second sample
    QCOMPARE(table.rows[1][12], std::string());
    QCOMPARE(table.rows[1][13], std::string());
    QCOMPARE(table.rows[1][14], std::string());
    // In the file the nice value stays a number and the hostile comm is neutralised and quoted.
    const QByteArray encoded = QByteArray::fromStdString(csvEncode(table));
    QVERIFY(encoded.contains("alice,1000,R,\"'=evil,\"\"x\"\"\",prog -n a b,3,-5,15,"));
}

void TestCsvWriter::isoTimes()
{
    QCOMPARE(QString::fromStdString(isoUtcFromUnixMs(0)), QStringLiteral("1970-01-01T00:00:00Z"));
    QCOMPARE(QString::fromStdString(isoUtcFromUnixMs(-1)), QStringLiteral("1969-12-31T23:59:59Z"));
    QCOMPARE(QString::fromStdString(fixedDecimal(-0.5, 2)), QStringLiteral("-0.50"));
}

void TestCsvWriter::writeFileAtomically()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    CsvTable table;
    table.header = { "a" };
    table.rows = { { "1" } };
    const mode_t oldMask = ::umask(022);
    const CsvWriteStatus status = writeCsvFile(path.toStdString(), table);
    ::umask(oldMask);
    QVERIFY2(status.ok(), status.message.c_str());
    QCOMPARE(readAll(path), QByteArray("a\r\n1\r\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
        QStringList { QStringLiteral("out.csv") });
    // Mode as for any new file under umask 022 (not mkstemp's private 0600).
    QVERIFY(QFile::permissions(path).testFlag(QFileDevice::ReadOther));
}

void TestCsvWriter::missingFolderLeavesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no/such/folder/out.csv"));
    const CsvWriteStatus status = writeCsvFile(path.toStdString(), CsvTable { { "a" }, {} });
    QVERIFY(!status.ok());
    QVERIFY2(QString::fromStdString(status.message).contains(path), status.message.c_str());
    QVERIFY2(QString::fromStdString(status.message).contains(QStringLiteral("does not exist")),
        status.message.c_str());
    QVERIFY(QDir(dir.path())
                .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                .isEmpty());
}

void TestCsvWriter::targetIsFolder()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("taken")));
    const CsvWriteStatus status = writeCsvFile(
        dir.filePath(QStringLiteral("taken")).toStdString(), CsvTable { { "a" }, {} });
    QVERIFY(!status.ok());
    QVERIFY2(QString::fromStdString(status.message).startsWith(QStringLiteral("cannot write ")),
        status.message.c_str());
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("taken"))).isDir());
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        QStringList { QStringLiteral("taken") });
}

void TestCsvWriter::diskFullKeepsOldFile()
{
    // A file size limit makes write() fail with EFBIG halfway, as a full disk would.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old contents\r\n");
    }
    CsvTable big;
    big.header = { "n" };
    for (int i = 0; i < 10000; ++i)
        big.rows.push_back({ std::to_string(i) });

    rlimit saved {};
    QVERIFY(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 1000;
    QVERIFY(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    const CsvWriteStatus status = writeCsvFile(path.toStdString(), big);
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);

    QVERIFY(!status.ok());
    QVERIFY2(QString::fromStdString(status.message).contains(path), status.message.c_str());
    QCOMPARE(readAll(path), QByteArray("old contents\r\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        QStringList { QStringLiteral("out.csv") });
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csv_writer.moc"
