// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /proc/modules, proc(5) and kernel/module/procfs.c: one loaded module a line,
//   "name size refcount users state address [(taints)]"
// where users is "-" or a list with a trailing comma ("snd_hda_codec,snd_hwdep,"), state is Live,
// Loading or Unloading, and refcount and users are both "-" on kernels without module unloading.
// The address reads 0x0000000000000000 for users without CAP_SYSLOG (kptr_restrict).

#include "core/base/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pg {

struct ModuleInfo
{
    enum class State { Live, Loading, Unloading };

    std::string name;
    std::uint64_t sizeBytes = 0;
    std::optional<std::int64_t> useCount; // nullopt: kernel built without module unloading
    std::vector<std::string> users; // modules that use this one
    State state = State::Live;
    std::string address; // as printed, "0x..."
    std::string taints; // the letters inside "(...)", empty when untainted

    // "snd_hda_codec,snd_hwdep" as lsmod prints "Used by" (no trailing comma), "" for none.
    std::string usersText() const;
};

std::string_view moduleStateText(ModuleInfo::State state);

struct Modules
{
    std::vector<ModuleInfo> modules; // file order: the most recently loaded first
};

Result<Modules> parseModules(std::string_view text);

} // namespace pg
