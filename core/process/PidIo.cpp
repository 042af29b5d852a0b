// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process/PidIo.h"

#include "core/base/ParseUtil.h"

namespace pg {

Result<PidIo> parsePidIo(std::string_view text)
{
    using namespace parse;
    if (trim(text).empty())
        return Error::Empty;
    PidIo io;
    struct Field
    {
        std::string_view key;
        std::uint64_t* out;
    };
    const Field fields[] = {
        { "rchar", &io.rcharBytes },
        { "wchar", &io.wcharBytes },
        { "syscr", &io.readSyscalls },
        { "syscw", &io.writeSyscalls },
        { "read_bytes", &io.readBytes },
        { "write_bytes", &io.writeBytes },
        { "cancelled_write_bytes", &io.cancelledWriteBytes },
    };
    unsigned seen = 0;
    std::string_view line;
    while (nextLine(text, line)) {
        if (trim(line).empty())
            continue;
        std::string_view key;
        std::string_view value;
        if (!splitKeyValue(line, key, value))
            return Error::BadFormat;
        for (std::size_t i = 0; i < std::size(fields); ++i) {
            if (fields[i].key != key)
                continue;
            if (!toInt(value, *fields[i].out))
                return Error::BadNumber;
            seen |= 1u << i;
        }
    }
    if (seen != (1u << std::size(fields)) - 1)
        return Error::Truncated;
    return io;
}

} // namespace pg
