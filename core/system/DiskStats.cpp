// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/system/DiskStats.h"

#include "core/base/ParseUtil.h"

namespace pg {

const DiskStat* DiskStats::find(std::string_view name) const
{
    for (const DiskStat& d : devices) {
        if (d.name == name)
            return &d;
    }
    return nullptr;
}

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

} // namespace

bool looksLikePartition(std::string_view name)
{
    if (name.empty() || !isDigit(name.back()))
        return false;
    std::size_t end = name.size();
    while (end > 0 && isDigit(name[end - 1]))
        --end;
    const std::string_view base = name.substr(0, end);
    if (base.empty())
        return false;
    // nvme0n1p1, mmcblk0p1, loop0p1, md0p1, nbd0p1: "<disk ending in a digit>p<N>".
    if (base.size() >= 2 && base.back() == 'p' && isDigit(base[base.size() - 2]))
        return true;
    // Whole disks whose names end in a number: nvme0n1, mmcblk0, loop0, ram0, md0, dm-0, sr0,
    // zram0.
    for (std::string_view whole : { "nvme", "mmcblk", "loop", "ram", "md", "dm-", "sr", "zram",
             "nbd", "rbd", "drbd", "nullb", "pmem", "ubiblock", "mtdblock" }) {
        if (startsWith(name, whole))
            return false;
    }
    // sda1, vdb2, xvda1, hda3: letters then the partition number.
    return true;
}

Result<DiskStats> parseDiskStats(std::string_view text)
{
    using namespace parse;
    DiskStats stats;
    std::string_view line;
    while (nextLine(text, line)) {
        if (trim(line).empty())
            continue;
        std::string_view rest = line;
        std::string_view tokens[40]; // 20 today; later kernels may append counters
        std::size_t count = 0;
        for (std::string_view tok = nextToken(rest); !tok.empty(); tok = nextToken(rest)) {
            if (count == std::size(tokens))
                return Error::BadFormat;
            tokens[count++] = tok;
        }
        DiskStat d;
        if (count < 3)
            return Error::Truncated;
        if (!toInt(tokens[0], d.major) || !toInt(tokens[1], d.minor))
            return Error::BadNumber;
        d.name = std::string(tokens[2]);
        d.partition = looksLikePartition(d.name);
        std::uint64_t n[37] = {};
        const std::size_t counters = count - 3;
        for (std::size_t i = 0; i < counters; ++i) {
            if (!toInt(tokens[3 + i], n[i]))
                return Error::BadNumber;
        }
        if (counters == 4) {
            // (2.6.x partitions) reads, sectors read, writes, sectors written.
            d.readsCompleted = n[0];
            d.sectorsRead = n[1];
            d.writesCompleted = n[2];
            d.sectorsWritten = n[3];
            d.partition = true;
        } else if (counters >= 11) {
            d.readsCompleted = n[0];
            d.readsMerged = n[1];
            d.sectorsRead = n[2];
            d.readMs = n[3];
            d.writesCompleted = n[4];
            d.writesMerged = n[5];
            d.sectorsWritten = n[6];
            d.writeMs = n[7];
            d.inFlight = n[8];
            d.ioMs = n[9];
            d.weightedIoMs = n[10];
            if (counters >= 15) {
                d.discardsCompleted = n[11];
                d.discardsMerged = n[12];
                d.sectorsDiscarded = n[13];
                d.discardMs = n[14];
            }
            if (counters >= 17) {
                d.flushesCompleted = n[15];
                d.flushMs = n[16];
            }
        } else {
            return Error::Truncated;
        }
        stats.devices.push_back(std::move(d));
    }
    return stats;
}

} // namespace pg
