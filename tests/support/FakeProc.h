// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A fake /proc tree in a temporary directory, for running the sampler's readers on processes whose
// every field the test controls.

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <string>

namespace pgtest {

class FakeProc
{
public:
    FakeProc()
    {
        writeFile("stat",
            "cpu  100 0 50 1000 0 0 0 0 0 0\ncpu0 50 0 25 500 0 0 0 0 0 0\ncpu1 50 0 25 500 0 0 0 "
            "0 0 0\nctxt 10\nbtime 1700000000\n"
            "processes 50\nprocs_running 1\nprocs_blocked 0\n");
        writeFile(
            "meminfo", "MemTotal: 1000 kB\nMemFree: 500 kB\nBuffers: 10 kB\nCached: 100 kB\n");
        writeFile("loadavg", "0.50 0.25 0.10 1/20 123\n");
        writeFile("uptime", "100.00 150.00\n");
    }

    // Two CPUs, so CPU % may reach 200.
    QString root() const { return m_dir.path(); }

    // Writes in place (truncate + write), so a reader's kept descriptor sees the new text, as it
    // would on the real /proc.
    void writeFile(const QString& relative, const std::string& text)
    {
        const QString path = m_dir.filePath(relative);
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        f.write(text.data(), static_cast<qint64>(text.size()));
    }

    static std::string statLine(int pid, const std::string& comm, char state, int ppid,
        unsigned long long utime, unsigned long long stime, unsigned long long start,
        bool kthread = false, int threads = 1, int nice = 0)
    {
        const unsigned long long flags = kthread ? 0x208040ull : 0x400100ull;
        return std::to_string(pid) + " (" + comm + ") " + state + " " + std::to_string(ppid) + " "
            + std::to_string(pid) + " " + std::to_string(pid) + " 0 -1 " + std::to_string(flags)
            + " 0 0 0 0 " + std::to_string(utime) + " " + std::to_string(stime) + " 0 0 "
            + std::to_string(20 + nice) + " " + std::to_string(nice) + " " + std::to_string(threads)
            + " 0 " + std::to_string(start)
            + " 4096000 250 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n";
    }

    void addProcess(int pid, const std::string& comm, unsigned long long utime,
        unsigned long long start, const std::string& cmdline, bool kthread = false,
        const std::string& statm = "1000 250 100 10 0 200 0\n")
    {
        const QString dir = QString::number(pid);
        writeFile(dir + "/stat", statLine(pid, comm, 'S', 1, utime, 0, start, kthread));
        writeFile(dir + "/statm", kthread ? std::string("0 0 0 0 0 0 0\n") : statm);
        writeFile(dir + "/cmdline", cmdline);
        // Every process of a kernel with I/O accounting has io (export processes reads it).
        writeFile(dir + "/io",
            "rchar: 0\nwchar: 0\nsyscr: 0\nsyscw: 0\nread_bytes: 0\nwrite_bytes: 0\n"
            "cancelled_write_bytes: 0\n");
    }

    void removeProcess(int pid) { QDir(m_dir.filePath(QString::number(pid))).removeRecursively(); }

private:
    QTemporaryDir m_dir;
};

} // namespace pgtest
