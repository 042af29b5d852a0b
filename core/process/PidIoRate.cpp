// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process/PidIoRate.h"

namespace pg {

IoRates PidIoRate::update(const PidIo& io, std::int64_t monotonicNs)
{
    IoRates rates;
    if (m_prevNs > 0 && monotonicNs > m_prevNs && io.readBytes >= m_prevReadBytes
        && io.writeBytes >= m_prevWriteBytes) {
        const double seconds = static_cast<double>(monotonicNs - m_prevNs) / 1e9;
        rates.readBytesPerS = static_cast<double>(io.readBytes - m_prevReadBytes) / seconds;
        rates.writeBytesPerS = static_cast<double>(io.writeBytes - m_prevWriteBytes) / seconds;
    }
    m_prevReadBytes = io.readBytes;
    m_prevWriteBytes = io.writeBytes;
    m_prevNs = monotonicNs;
    return rates;
}

} // namespace pg
