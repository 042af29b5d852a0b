// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/memory/SmapsStreamParser.h"

namespace pg {

SmapsStreamParser::SmapsStreamParser(Sink sink, bool requireSize)
    : m_sink(std::move(sink))
    , m_requireSize(requireSize)
{ }

void SmapsStreamParser::feed(std::string_view chunk)
{
    if (chunk.empty())
        return;
    m_any = true;
    m_last = chunk.back();
    if (m_error != Error::None)
        return;
    if (!m_partial.empty()) {
        const std::size_t nl = chunk.find('\n');
        if (nl == std::string_view::npos) {
            m_partial.append(chunk);
            return;
        }
        m_partial.append(chunk.substr(0, nl));
        chunk.remove_prefix(nl + 1);
        onLine(m_partial);
        m_partial.clear();
    }
    while (!chunk.empty() && m_error == Error::None) {
        const std::size_t nl = chunk.find('\n');
        if (nl == std::string_view::npos) {
            m_partial.assign(chunk);
            return;
        }
        onLine(chunk.substr(0, nl));
        chunk.remove_prefix(nl + 1);
    }
}

Error SmapsStreamParser::finish()
{
    // Every line the kernel writes ends in '\n'; a text that does not was cut short.
    if (m_any && m_last != '\n')
        m_error = Error::Truncated;
    if (m_error != Error::None)
        return m_error;
    if (m_haveCurrent) {
        if (m_requireSize && !m_current.has(SmapsField::Size))
            return m_error = Error::Truncated;
        hand();
    }
    return Error::None;
}

void SmapsStreamParser::onLine(std::string_view line)
{
    if (line.empty())
        return;
    if (isSmapsFieldLine(line)) {
        if (!m_haveCurrent) {
            m_error = Error::BadFormat; // fields before any header
            return;
        }
        m_error = parseSmapsFieldLine(line, m_current, m_hint);
        return;
    }
    if (m_haveCurrent) {
        if (m_requireSize && !m_current.has(SmapsField::Size)) {
            m_error = Error::Truncated; // a header with no fields
            return;
        }
        hand();
    }
    clearSmapsMapping(m_current);
    m_haveCurrent = true;
    m_hint = 0;
    m_error = parseSmapsHeader(line, m_current);
}

void SmapsStreamParser::hand()
{
    m_haveCurrent = false;
    ++m_count;
    m_sink(m_current);
}

} // namespace pg
