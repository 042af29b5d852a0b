// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/PID/smaps parsed as it arrives: chunks of any size go in (a line may be split anywhere,
// even between '\r' and '\n' of nothing), each mapping comes out once its last field line is
// seen. parseSmaps() is this parser fed the whole text; `procglass export memory PID` feeds it
// 256 KiB reads, so the 20 MiB smaps of a 30,000-mapping process is never held whole.
//
// The errors are exactly parseSmaps()'s for the same text: a text whose last byte is not '\n'
// was cut short (Truncated, whatever else is wrong with it), otherwise the first bad line says
// what is wrong. After an error the parser only watches the last byte, so that a caller can read
// on to the end and report what parseSmaps() of the whole text would have.

#include "core/memory/Smaps.h"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace pg {

class SmapsStreamParser final
{
public:
    // Called with each complete mapping, in file order. The sink may move from it: the parser
    // clears it before reusing it.
    using Sink = std::function<void(SmapsMapping&)>;

    // `requireSize`: smaps prints Size first for every mapping, so a mapping without it was cut
    // short; smaps_rollup prints none.
    explicit SmapsStreamParser(Sink sink, bool requireSize = true);

    void feed(std::string_view chunk);
    // After the last chunk: hands over the last mapping, and says whether the whole text was a
    // valid smaps (Error::None; an empty text is a valid, empty map).
    Error finish();
    // The first error seen so far (finish() may still add Truncated).
    Error error() const { return m_error; }
    std::size_t mappingCount() const { return m_count; }

private:
    void onLine(std::string_view line);
    const char* fastKibLine(const char* p, const char* end);
    void hand();

    Sink m_sink;
    bool m_requireSize;
    SmapsMapping m_current;
    bool m_haveCurrent = false;
    std::size_t m_hint = 0;
    std::string m_partial; // a line split between two chunks
    Error m_error = Error::None;
    bool m_any = false;
    char m_last = '\n';
    std::size_t m_count = 0;
};

} // namespace pg
