// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArchiveTarget.h"

#include "core/export/ExportTarget.h"

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace pg {

std::string ArchiveTarget::existingProblem(const std::string& base)
{
    for (const char* suffix : kSuffixes) {
        const std::string path = base + suffix;
        struct stat st
        {
        };
        if (::lstat(path.c_str(), &st) == 0)
            return "refusing to overwrite " + path + ": it exists"
                + (S_ISLNK(st.st_mode) ? " (a symlink)" : "")
                + "; choose another ARCHIVE name or remove the old recording";
        if (errno != ENOENT)
            return "cannot check " + path + ": " + errnoPhrase(errno);
    }
    return {};
}

ArchiveTarget::ArchiveTarget(std::string base)
    : m_base(std::move(base))
{ }

ArchiveTarget::~ArchiveTarget()
{
    if (m_dir.empty())
        return;
    for (const char* suffix : kSuffixes)
        ::unlink((m_privateBase + suffix).c_str());
    ::rmdir(m_dir.c_str());
}

std::string ArchiveTarget::prepare()
{
    const std::filesystem::path base(m_base);
    std::string folder = base.parent_path().string();
    if (folder.empty())
        folder = ".";
    const std::string name = base.filename().string();
    if (name.empty())
        return "-o takes an archive's base name (ARCHIVE gives ARCHIVE.0, .meta and .index), not "
               "a folder: '"
            + m_base + "'";
    std::string pattern = folder + "/." + name + ".procglass-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!::mkdtemp(buffer.data()))
        return "cannot create a folder next to " + m_base + " (" + folder
            + "): " + errnoPhrase(errno);
    m_dir = buffer.data();
    m_privateBase = m_dir + "/" + name;
    return {};
}

std::string ArchiveTarget::publish()
{
    std::vector<std::string> linked;
    for (const char* suffix : kSuffixes) {
        const std::string from = m_privateBase + suffix;
        const std::string to = m_base + suffix;
        if (::link(from.c_str(), to.c_str()) != 0) {
            const int error = errno;
            for (const std::string& done : linked)
                ::unlink(done.c_str());
            if (error == EEXIST)
                return "refusing to overwrite " + to
                    + ": it appeared while the recording started; nothing was recorded";
            return "cannot create " + to + ": " + errnoPhrase(error);
        }
        linked.push_back(to);
    }
    m_published = true;
    return {};
}

} // namespace pg
