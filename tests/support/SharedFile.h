// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A file a test makes in its temporary folder and child processes that map it shared and touch
// every page (so each has all of it resident, and each page has exactly as many mappers as there
// are children): what "who else maps this file" must find, with the device and inode it is asked
// for.

#include "tests/support/ChildProcess.h"

#include <QString>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <vector>

namespace pgtest {

class SharedFile final
{
public:
    SharedFile(std::string path, std::size_t bytes)
        : m_path(std::move(path))
        , m_bytes(bytes)
    {
        const int fd = ::open(m_path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
        if (fd < 0)
            return;
        struct stat st
        {
        };
        m_ok = ::ftruncate(fd, static_cast<off_t>(bytes)) == 0 && ::fstat(fd, &st) == 0;
        ::close(fd);
        char dev[32];
        // As smaps and maps print it (proc(5)): hexadecimal major:minor.
        std::snprintf(dev, sizeof dev, "%02x:%02x", major(st.st_dev), minor(st.st_dev));
        m_device = dev;
        m_inode = st.st_ino;
    }

    bool isValid() const { return m_ok; }
    const std::string& path() const { return m_path; }
    const std::string& device() const { return m_device; }
    std::uint64_t inode() const { return m_inode; }
    std::size_t bytes() const { return m_bytes; }

    // A child that maps the whole file shared and writes every page, then sleeps; with
    // `map` false it maps nothing. -1 on failure. Keep the pid in a Child.
    pid_t forkChild(bool map = true) const
    {
        return forkReadyChild([this, map] {
            if (!map)
                return true;
            const int fd = ::open(m_path.c_str(), O_RDWR | O_CLOEXEC);
            void* p = ::mmap(nullptr, m_bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
            if (p == MAP_FAILED)
                return false;
            std::memset(p, 0x11, m_bytes);
            return true;
        });
    }

private:
    std::string m_path;
    std::size_t m_bytes;
    std::string m_device;
    std::uint64_t m_inode = 0;
    bool m_ok = false;
};

// The scene every "who maps this" test sets: `bytes` of shared.bin in a temporary folder of its
// own, two children that map it (each page then has two mappers: each child's Pss of it is half
// its Rss) and a third that maps nothing of it.
struct TwoMappers
{
    QTemporaryDir folder;
    SharedFile file;
    Child a;
    Child b;
    Child none;

    explicit TwoMappers(std::size_t bytes)
        : file(folder.filePath(QStringLiteral("shared.bin")).toStdString(), bytes)
    {
        if (!folder.isValid() || !file.isValid())
            return;
        a.pid = file.forkChild();
        b.pid = file.forkChild();
        none.pid = file.forkChild(false);
    }
    bool isValid() const
    {
        return folder.isValid() && file.isValid() && a.pid > 0 && b.pid > 0 && none.pid > 0;
    }
    // The two that map it, in pid order.
    std::vector<int> mapperPids() const
    {
        std::vector<int> pids { a.pid, b.pid };
        std::sort(pids.begin(), pids.end());
        return pids;
    }
};

} // namespace pgtest
