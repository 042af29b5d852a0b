// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process/PidStat.h"

#include "core/base/ParseUtil.h"

namespace pg {

Error parsePidStatInto(std::string_view text, PidStat& out)
{
    using namespace parse;
    if (trim(text).empty())
        return Error::Empty;
    // comm runs from the first '(' to the LAST ')': a process may call itself "a) (b".
    const std::size_t open = text.find('(');
    const std::size_t close = text.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
        return Error::Truncated;
    if (!toInt(trim(text.substr(0, open)), out.pid))
        return Error::BadNumber;
    const std::string_view comm = text.substr(open + 1, close - open - 1);
    if (comm != out.comm)
        out.comm.assign(comm);

    std::string_view rest = text.substr(close + 1);
    const std::string_view state = nextToken(rest);
    if (state.size() != 1)
        return state.empty() ? Error::Truncated : Error::BadFormat;
    out.state = state[0];

    // Fields (4) onwards, numbered as in proc(5).
    int field = 4;
    for (std::string_view tok = nextToken(rest); !tok.empty(); tok = nextToken(rest), ++field) {
        bool good = true;
        switch (field) {
        case 4:
            good = toInt(tok, out.ppid);
            break;
        case 5:
            good = toInt(tok, out.pgrp);
            break;
        case 6:
            good = toInt(tok, out.session);
            break;
        case 7:
            good = toInt(tok, out.ttyNr);
            break;
        case 8:
            good = toInt(tok, out.tpgid);
            break;
        case 9:
            good = toInt(tok, out.flags);
            break;
        case 10:
            good = toInt(tok, out.minflt);
            break;
        case 12:
            good = toInt(tok, out.majflt);
            break;
        case 14:
            good = toInt(tok, out.utimeTicks);
            break;
        case 15:
            good = toInt(tok, out.stimeTicks);
            break;
        case 18:
            good = toInt(tok, out.priority);
            break;
        case 19:
            good = toInt(tok, out.nice);
            break;
        case 20: {
            // The kernel prints an int (signal->nr_threads): anything else is not its file, and
            // 2^63-1 threads must not reach a sum (KernelNumbers.h).
            int threads = 0;
            good = toInt(tok, threads) && threads >= 0;
            out.numThreads = threads;
            break;
        }
        case 22:
            good = toInt(tok, out.startTimeTicks);
            break;
        case 23:
            good = toInt(tok, out.vsizeBytes);
            break;
        case 24:
            good = toInt(tok, out.rssPages);
            break;
        case 39:
            good = toInt(tok, out.processor);
            break;
        case 40:
            good = toInt(tok, out.rtPriority);
            break;
        case 41:
            good = toInt(tok, out.policy);
            break;
        default:
            break;
        }
        if (!good)
            return Error::BadNumber;
        if (field == 41)
            break;
    }
    if (field < 25)
        return Error::Truncated;
    return Error::None;
}

Result<PidStat> parsePidStat(std::string_view text)
{
    PidStat stat;
    const Error error = parsePidStatInto(text, stat);
    if (error != Error::None)
        return error;
    return stat;
}

} // namespace pg
