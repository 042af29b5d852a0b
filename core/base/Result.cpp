// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/Result.h"

#include "core/interrupts/Interrupts.h"

#include <string>

namespace pg {

std::string_view errorText(Error error)
{
    switch (error) {
    case Error::None:
        return "no error";
    case Error::FileMissing:
        return "file not found";
    case Error::ProcessGone:
        return "the process has exited";
    case Error::PermissionDenied:
        return "permission denied";
    case Error::Truncated:
        return "the file ends too early";
    case Error::BadNumber:
        return "a field is not a valid number";
    case Error::BadFormat:
        return "the file is not in the expected format";
    case Error::Empty:
        return "the file is empty";
    case Error::TooLarge:
        return "the file is larger than the reader allows";
    case Error::TooManyCpus: {
        // Named from the cap itself, so the message cannot drift from the parser.
        static const std::string text = "more than " + std::to_string(kMaxInterruptCpus)
            + " CPU columns: the reader stops at " + std::to_string(kMaxInterruptCpus);
        return text;
    }
    case Error::IoError:
        return "read error";
    case Error::FifoNotFile:
        return "not a regular file (it is a FIFO)";
    case Error::DeviceNotFile:
        return "not a regular file (it is a device)";
    case Error::SocketNotFile:
        return "not a regular file (it is a socket)";
    case Error::FolderNotFile:
        return "not a regular file (it is a folder)";
    case Error::NotAFolder:
        return "a path component is not a folder";
    case Error::SymlinkLoop:
        return "too many levels of symbolic links";
    }
    return "unknown error";
}

bool isNotRegularFile(Error error)
{
    return error == Error::FifoNotFile || error == Error::DeviceNotFile
        || error == Error::SocketNotFile || error == Error::FolderNotFile;
}

} // namespace pg
