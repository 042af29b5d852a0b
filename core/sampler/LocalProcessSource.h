// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The process table from a /proc root: the ProcessCollector, made at the first sample (in the
// sampler thread), exactly as the ProcessSampler ran it before it had sources.

#include "core/process/ProcessCollector.h"
#include "core/sampler/ProcessSource.h"

#include <memory>

namespace pg {

class LocalProcessSource final : public ProcessSource
{
public:
    explicit LocalProcessSource(ProcessCollector::Options options);
    ~LocalProcessSource() override;

    std::shared_ptr<const ProcessSnapshot> refresh() override;
    void setReadIo(bool on) override;
    void rereadInFull(int pid) override;

private:
    ProcessCollector::Options m_options;
    std::unique_ptr<ProcessCollector> m_collector;
};

} // namespace pg
