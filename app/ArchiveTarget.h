// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where `procglass record -o ARCHIVE` writes, safely also as root in a folder others may write
// to (/tmp): nothing at ARCHIVE.0, ARCHIVE.meta or ARCHIVE.index is ever replaced or written
// through, not even a dangling symlink. libpcp_import writes into a private folder made next to
// them (mkdtemp: mode 0700, a fresh name); once its three files exist they are hard-linked to
// their names with link(2), which fails with EEXIST on anything already there and never follows
// a symlink. The files are written in place from then on (pmiEnd rewrites the labels and the
// index through the same inodes), so a recording killed with SIGKILL is still under its names.

#include <string>

namespace pg {

class ArchiveTarget final
{
public:
    // The three files of the archive `base`.
    static constexpr const char* kSuffixes[] = { ".0", ".meta", ".index" };

    // Empty when none of the three names exists (as anything, a dangling symlink too); else the
    // one line that refuses.
    static std::string existingProblem(const std::string& base);

    explicit ArchiveTarget(std::string base);
    ~ArchiveTarget(); // removes the private folder and its names (the published links stay)
    ArchiveTarget(const ArchiveTarget&) = delete;
    ArchiveTarget& operator=(const ArchiveTarget&) = delete;

    // Makes the private folder; empty on success, else one line.
    std::string prepare();
    // The base name libpcp_import writes to, inside the private folder.
    std::string privateBase() const { return m_privateBase; }
    // Links the three files to their names; empty on success, else one line (and nothing of
    // ours is left under the names).
    std::string publish();
    bool published() const { return m_published; }

private:
    std::string m_base;
    std::string m_dir;
    std::string m_privateBase;
    bool m_published = false;
};

} // namespace pg
