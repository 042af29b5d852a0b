// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Writes an export's bytes to the path the user named, replacing nothing the user did not ask to
// replace. What happens depends on what is at the path:
//
// - Nothing, or a regular file: replaced atomically. A temporary file with a short fixed-length
//   name (".procglass-XXXXXXXX.tmp", so that a 255-byte target name still fits NAME_MAX) is
//   created next to the target with O_EXCL, written, fsync'd, given the old file's mode (and its
//   owner and group as far as the user may set them), renamed over the target; then the folder is
//   fsync'd. A failure removes the temporary file and leaves the old file as it was.
// - A symlink: stays a symlink. The chain is followed (at most 40 links, as the kernel does; a
//   loop fails with ELOOP) and the file it ends at is replaced, or created for a dangling link.
// - A character or block device, a FIFO: opened and written, never replaced. Opening does not
//   block: a FIFO nobody reads fails at once ("nobody is reading the FIFO ...").
// - A socket, a folder: refused.
// - Written in place, like the shell's `>` (no atomicity): a regular file with more than one
//   hard link (replacing it would split the link), a file reached through a /proc "magic" link
//   (/dev/stdout -> /proc/self/fd/1 when the shell redirected standard output to a file), a
//   regular file in /dev, and a file whose folder refuses the temporary file or the rename (a
//   bind-mounted file, a sticky folder) while the file itself is writable.
// - Refused: an existing file the user could not open for writing (a 0444 file for anyone but
//   root, as with `>`), and a regular file under /proc or /sys (kernel settings, not exports).
//
// Errors are one line that names the path (and the link's target) and the real cause.
//
// An export may also be written as it is produced (ExportTargetWriter): into the temporary file,
// which is renamed only after the last byte is written and the export succeeded; any other kind
// of target is written only then, from memory, so a failed export never leaves a part of itself.

#include "core/base/Result.h"
#include "core/export/CsvOutput.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace pg {

// What went wrong, as a value: the error class, the errno (0 if none) and one line for the user
// that names the file and the problem.
struct [[nodiscard]] TargetWriteStatus
{
    Error error = Error::None;
    int errnoValue = 0;
    std::string message;
    bool ok() const { return error == Error::None; }
};

struct TargetWriteOptions
{
    // Called when the temporary file is complete, just before it is renamed over the target.
    // The command line's test hook stops the process here (see ExportCommand.cpp).
    std::function<void()> beforeRename;
};

// ExportTargetWriter's open() then commit(data).
TargetWriteStatus writeExportTarget(
    const std::string& path, std::string_view data, const TargetWriteOptions& options = {});

// One export to `path`, written as it is produced. open() applies the rules above and, for a file
// that is replaced atomically (a new file, a regular file), creates the temporary file; append()
// then writes into it at once (writesAsItGoes()). Any other target (written in place, a device, a
// FIFO) keeps what is appended in memory until commit(). commit() writes the rest, then fsync
// and rename (or the in-place or device write). Destroyed without a commit() that succeeded, it
// removes its temporary file: the export failed, nothing of it stays.
class ExportTargetWriter final : public CsvOutput
{
public:
    explicit ExportTargetWriter(std::string path, TargetWriteOptions options = {});
    ~ExportTargetWriter() override;
    ExportTargetWriter(const ExportTargetWriter&) = delete;
    ExportTargetWriter& operator=(const ExportTargetWriter&) = delete;

    // Once, before append() (commit() calls it when it was not).
    TargetWriteStatus open();
    // After open(): the bytes appended go into the temporary file at once.
    bool writesAsItGoes() const;
    bool append(std::string_view bytes) override;
    bool takeBack(std::string& all) override;
    // The first failure of open(), append() or takeBack(); ok() while there is none.
    const TargetWriteStatus& status() const { return m_status; }
    // Writes `rest` after the bytes appended, then puts the file in place. Once.
    TargetWriteStatus commit(std::string_view rest = {});

private:
    struct State;
    TargetWriteStatus failed(TargetWriteStatus status);
    TargetWriteStatus openTemp();
    TargetWriteStatus commitReplace(std::string_view rest);

    std::unique_ptr<State> m_state;
    TargetWriteStatus m_status;
};

// strerror() with a lower-case first letter, for "cannot write FILE: no space left on device".
std::string errnoPhrase(int err);

} // namespace pg
