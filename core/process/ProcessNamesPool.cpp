// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/process/ProcessNamesPool.h"

#include <functional>

namespace pg {

std::size_t ProcessNamesPool::Hash::operator()(const Content& c) const
{
    const std::hash<std::string_view> h;
    std::size_t seed = h(c.comm);
    seed ^= h(c.cmdline) + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
    seed ^= static_cast<std::size_t>(c.cmdlineError) + 0x9e3779b97f4a7c15ULL + (seed << 6)
        + (seed >> 2);
    return seed;
}

std::size_t ProcessNamesPool::Hash::operator()(const std::shared_ptr<const ProcessNames>& n) const
{
    return (*this)(Equal::of(n));
}

std::shared_ptr<const ProcessNames> ProcessNamesPool::intern(
    std::string_view comm, std::string&& cmdline, Error cmdlineError)
{
    const Content content { comm, cmdline, cmdlineError };
    if (auto it = m_names.find(content); it != m_names.end())
        return *it;
    auto names = std::make_shared<ProcessNames>();
    names->comm = std::string(comm);
    names->cmdline = std::move(cmdline);
    names->cmdlineError = cmdlineError;
    std::shared_ptr<const ProcessNames> shared = std::move(names);
    m_names.insert(shared);
    return shared;
}

void ProcessNamesPool::sweep()
{
    // use_count() is exact enough here: only this thread hands out new references (intern), so
    // a count of 1 cannot grow behind our back; another thread can only drop its own.
    for (auto it = m_names.begin(); it != m_names.end();) {
        if (it->use_count() == 1)
            it = m_names.erase(it);
        else
            ++it;
    }
}

} // namespace pg
