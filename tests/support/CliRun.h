// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Running a program as the command-line tests do (input on stdin, output and errors kept, two
// minutes at most) and reading a CSV back with the independent reader, tests/data/export/
// read_csv.py (Python's csv module): rows of raw bytes per field, header first.

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <functional>

namespace pgtest {

struct RunResult
{
    int exitCode = -1; // -1: did not start, or did not exit normally
    QByteArray out;
    QByteArray err;
};

// `modifier` runs in the child before exec (to drop privileges, for example).
inline RunResult run(const QString& program, const QStringList& args, const QByteArray& input = {},
    std::function<void()> modifier = {})
{
    QProcess p;
    if (modifier)
        p.setChildProcessModifier(modifier);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return {};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        p.readAllStandardError() };
}

using CsvRow = QList<QByteArray>;

// The rows as the independent reader decoded them, or an empty list with `problem` set.
inline QList<CsvRow> readBack(const QByteArray& csv, QString* problem)
{
    const RunResult r = run(QStringLiteral("python3"),
        { QStringLiteral(PROCGLASS_TEST_DATA "/export/read_csv.py"), QStringLiteral("-") }, csv);
    if (r.exitCode != 0) {
        *problem = QString::fromUtf8(r.err);
        return {};
    }
    QList<CsvRow> rows;
    const QJsonArray array
        = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("rows")).toArray();
    for (const QJsonValue& row : array) {
        CsvRow fields;
        for (const QJsonValue& v : row.toArray())
            fields << QByteArray::fromHex(v.toString().toLatin1());
        rows << fields;
    }
    return rows;
}

} // namespace pgtest
