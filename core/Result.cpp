#include "Result.h"

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
    case Error::IoError:
        return "read error";
    }
    return "unknown error";
}

} // namespace pg
