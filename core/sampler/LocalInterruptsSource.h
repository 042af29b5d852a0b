// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Interrupts from a /proc root (and /sys for the topology): an InterruptsCollector, made at the
// first sample (in the sampler thread), on the monotonic clock.

#include "core/interrupts/InterruptsCollector.h"
#include "core/sampler/InterruptsSource.h"

#include <memory>
#include <string>

namespace pg {

class LocalInterruptsSource final : public InterruptsSource
{
public:
    // `sysRoot` empty: no /sys is read (a copied /proc tree without its /sys).
    LocalInterruptsSource(std::string procRoot, std::string sysRoot);
    ~LocalInterruptsSource() override;

    InterruptsSnapshot sample() override;

private:
    std::string m_root;
    std::string m_sysRoot;
    std::unique_ptr<InterruptsCollector> m_collector;
};

} // namespace pg
