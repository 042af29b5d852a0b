// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/system/Modules.h"

#include "core/base/ParseUtil.h"

namespace pg {

std::string ModuleInfo::usersText() const
{
    std::string text;
    for (const std::string& user : users) {
        if (!text.empty())
            text += ',';
        text += user;
    }
    return text;
}

std::string_view moduleStateText(ModuleInfo::State state)
{
    switch (state) {
    case ModuleInfo::State::Live:
        return "Live";
    case ModuleInfo::State::Loading:
        return "Loading";
    case ModuleInfo::State::Unloading:
        return "Unloading";
    }
    return "?";
}

Result<Modules> parseModules(std::string_view text)
{
    using namespace parse;
    Modules result;
    std::string_view line;
    while (nextLine(text, line)) {
        if (trim(line).empty())
            continue;
        std::string_view rest = line;
        ModuleInfo m;
        const std::string_view name = nextToken(rest);
        const std::string_view size = nextToken(rest);
        const std::string_view refs = nextToken(rest);
        const std::string_view users = nextToken(rest);
        const std::string_view state = nextToken(rest);
        const std::string_view address = nextToken(rest);
        if (address.empty())
            return Error::Truncated;
        m.name = std::string(name);
        if (!toInt(size, m.sizeBytes))
            return Error::BadNumber;
        if (refs != "-") {
            std::int64_t n = 0;
            if (!toInt(refs, n))
                return Error::BadNumber;
            m.useCount = n;
        }
        if (users != "-") {
            std::string_view list = users;
            while (!list.empty()) {
                const std::size_t comma = list.find(',');
                const std::string_view user = list.substr(0, comma);
                if (!user.empty())
                    m.users.emplace_back(user);
                if (comma == std::string_view::npos)
                    break;
                list.remove_prefix(comma + 1);
            }
        }
        if (state == "Live")
            m.state = ModuleInfo::State::Live;
        else if (state == "Loading")
            m.state = ModuleInfo::State::Loading;
        else if (state == "Unloading")
            m.state = ModuleInfo::State::Unloading;
        else
            return Error::BadFormat;
        if (address.substr(0, 2) != "0x")
            return Error::BadFormat;
        m.address = std::string(address);
        const std::string_view taints = nextToken(rest);
        if (!taints.empty()) {
            if (taints.size() < 2 || taints.front() != '(' || taints.back() != ')')
                return Error::BadFormat;
            m.taints = std::string(taints.substr(1, taints.size() - 2));
        }
        result.modules.push_back(std::move(m));
    }
    return result;
}

} // namespace pg
