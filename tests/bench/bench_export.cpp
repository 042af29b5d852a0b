// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of the CSV export, in one run, median of N interleaved rounds:
//   encode     csvEncode() of a 30,000-row process table (UTF-8 check, byte escape, formula
//              neutralisation, quoting) against its floor: joining the same fields with ',' and
//              CRLF and no checks at all
//   write      writeCsvFile() (encode, temporary file, fsync, rename) against its floor: encode,
//              then open, write, close without fsync (so the ratio shows what durability costs)
//   command    `procglass export processes --interval 100 -o FILE` on the live /proc, less its
//              100 ms wait between the two samples, against
//              `ps -e -o pid,ppid,user,uid,stat,comm,args,nlwp,ni,pri,pcpu,time,vsz,rss,lstart`
//              (fork+exec of both; output to a file)
//
// Run: build/tests/bench/bench_export [--rounds N] [--rows N] [--procglass PATH]

#include "core/export/CsvWriter.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

double nowMs()
{
    return std::chrono::duration<double, std::milli>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

pg::CsvTable makeTable(int rows)
{
    pg::CsvTable table;
    table.header = { "pid", "ppid", "user", "uid", "state", "comm", "cmdline", "threads", "nice",
        "priority", "cpu_percent", "cpu_time_s", "virt_kib", "res_kib", "shr_kib", "start_time",
        "kernel_thread", "io_read_bytes_per_s", "io_write_bytes_per_s" };
    for (int i = 0; i < rows; ++i) {
        const std::string pid = std::to_string(1000 + i);
        // One row in 50 has a hostile name: quotes, a comma, a newline, a leading '=', a bad byte.
        const bool hostile = i % 50 == 0;
        table.rows.push_back({ pid, "1", "alice", "1000", "S",
            hostile ? "=x,\"y\"\n\xff" : "kworker/u8:2",
            hostile
                ? "=calc a,b \"q\""
                : "/usr/lib/firefox/firefox -contentproc -childID 12 -isForBrowser -prefsLen 31337",
            "12", "-5", "15", "1.25", "123.45", "2345678", "345678", "45678",
            "2026-11-26T21:45:57Z", "0", "4096", "0" });
    }
    return table;
}

std::string plainJoin(const pg::CsvTable& table)
{
    std::string out;
    const auto append = [&out](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i)
                out += ',';
            out += row[i];
        }
        out += "\r\n";
    };
    append(table.header);
    for (const auto& row : table.rows)
        append(row);
    return out;
}

double runCommand(const std::vector<std::string>& argv, const std::string& outFile)
{
    const double start = nowMs();
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int fd = ::open(outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(fd, STDOUT_FILENO);
        std::vector<char*> args;
        for (const std::string& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "bench_export: %s failed\n", argv[0].c_str());
        std::exit(1);
    }
    return nowMs() - start;
}

} // namespace

int main(int argc, char** argv)
{
    int rounds = 15;
    int rows = 30000;
    std::string procglass = "build/app/procglass";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--rounds") == 0)
            rounds = std::max(1, std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--rows") == 0)
            rows = std::max(1, std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--procglass") == 0)
            procglass = argv[i + 1];
    }
    const pg::CsvTable table = makeTable(rows);
    char dirTemplate[] = "/tmp/bench_export.XXXXXX";
    const std::string dir = ::mkdtemp(dirTemplate);
    const std::string file = dir + "/out.csv";
    const std::string plainFile = dir + "/plain.csv";

    std::vector<double> joinMs, encodeMs, plainWriteMs, atomicWriteMs, psMs, exportMs;
    std::size_t encodedBytes = 0;
    for (int r = 0; r < rounds; ++r) {
        double t = nowMs();
        const std::string joined = plainJoin(table);
        joinMs.push_back(nowMs() - t);
        t = nowMs();
        const std::string encoded = pg::csvEncode(table);
        encodeMs.push_back(nowMs() - t);
        encodedBytes = encoded.size();

        t = nowMs();
        const std::string forFile = pg::csvEncode(table);
        const int fd = ::open(plainFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const bool wrote
            = ::write(fd, forFile.data(), forFile.size()) == static_cast<ssize_t>(forFile.size());
        ::close(fd);
        plainWriteMs.push_back(nowMs() - t);
        t = nowMs();
        const pg::CsvWriteStatus status = pg::writeCsvFile(file, table);
        atomicWriteMs.push_back(nowMs() - t);
        if (!wrote || !status.ok()) {
            std::fprintf(stderr, "bench_export: write failed: %s\n", status.message.c_str());
            return 1;
        }

        psMs.push_back(runCommand(
            { "ps", "-e", "-o",
                "pid,ppid,user,uid,stat,comm,args,nlwp,ni,pri,pcpu,time,vsz,rss,lstart" },
            dir + "/ps.txt"));
        // 100 ms is the shortest interval the command accepts; the wait is not work.
        exportMs.push_back(runCommand({ procglass, "export", "processes", "--interval", "100" },
                               dir + "/export.csv")
            - 100.0);
    }
    ::unlink(file.c_str());
    ::unlink(plainFile.c_str());
    ::unlink((dir + "/ps.txt").c_str());
    ::unlink((dir + "/export.csv").c_str());
    ::rmdir(dir.c_str());

    const double join = median(joinMs), encode = median(encodeMs);
    const double plainWrite = median(plainWriteMs), atomicWrite = median(atomicWriteMs);
    const double ps = median(psMs), exportCmd = median(exportMs);
    std::printf(
        "CSV export, %d rows (%zu bytes), median of %d rounds\n", rows, encodedBytes, rounds);
    std::printf("  encode: plain join (floor) %8.2f ms   csvEncode %8.2f ms   ratio %5.2f x\n",
        join, encode, encode / join);
    std::printf("  write:  encode+write (floor) %6.2f ms   writeCsvFile %8.2f ms   ratio %5.2f x\n",
        plainWrite, atomicWrite, atomicWrite / plainWrite);
    std::printf(
        "  live /proc: ps -e -o ... %8.2f ms   procglass export processes (less the 100 ms wait) "
        "%8.2f ms   ratio %5.2f x\n",
        ps, exportCmd, exportCmd / ps);
    return 0;
}
