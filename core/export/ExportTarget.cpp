// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/ExportTarget.h"

#include "core/base/ProcFs.h"
#include "core/export/PendingTempFile.h"

#include <cctype>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <linux/magic.h>
#include <optional>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

namespace pg {

namespace {

constexpr int kMaxSymlinks = 40; // the kernel's MAXSYMLINKS

std::string directoryOf(const std::string& path)
{
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos)
        return ".";
    if (slash == 0)
        return "/";
    return path.substr(0, slash);
}

std::string baseOf(const std::string& path)
{
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

TargetWriteStatus failure(int err, std::string message)
{
    return TargetWriteStatus { errorFromErrno(err), err, std::move(message) };
}

// Explains an errno in words a user can act on. `shown` names the path as the user gave it (and
// where its link leads); `file` is the file written or created, whose folder ENOENT is about.
std::string writeProblem(const std::string& shown, const std::string& file, int err)
{
    std::string text = "cannot write " + shown + ": " + errnoPhrase(err);
    switch (err) {
    case EACCES:
    case EPERM:
    case EROFS:
        return text + " (choose a folder you may write to, such as your home folder)";
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
        return text + " (free some space or choose another disk)";
    case ELOOP:
        return text + " (the links form a loop, or more than 40 follow each other)";
    case ENOTDIR:
        return text + " (a part of the path is a file, not a folder)";
    case ENAMETOOLONG:
        return text + " (a name longer than 255 bytes, or a path longer than 4095)";
    case ENOENT: {
        struct stat st
        {
        };
        const std::string dir = directoryOf(file);
        if (::stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
            return text + " (the folder " + dir + " does not accept new files)";
        return text + " (the folder " + dir + " does not exist)";
    }
    default:
        return text;
    }
}

// 0 or the errno of the failed write.
int writeAll(int fd, std::string_view data)
{
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return 0;
}

int pwriteAll(int fd, std::string_view data)
{
    off_t offset = 0;
    while (!data.empty()) {
        const ssize_t n = ::pwrite(fd, data.data(), data.size(), offset);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
        offset += n;
    }
    return 0;
}

bool onFileSystem(const std::string& dir, long magic)
{
    struct statfs fs
    {
    };
    return ::statfs(dir.c_str(), &fs) == 0 && static_cast<long>(fs.f_type) == magic;
}

// True for a file on the file system mounted at /dev (when /dev is a mount of its own).
bool onDevFileSystem(const struct stat& file)
{
    struct stat dev
    {
    };
    struct stat root
    {
    };
    return ::stat("/dev", &dev) == 0 && ::stat("/", &root) == 0 && dev.st_dev != root.st_dev
        && file.st_dev == dev.st_dev;
}

struct Target
{
    std::string path; // where the chain of links ends: the file to write, or to create
    bool exists = false;
    bool throughProcLink = false; // `path` is a /proc magic link that only open() may follow
    struct stat st
    {
    }; // of the file at `path` (behind the magic link)
};

// 0 or an errno.
int readLinkText(const std::string& path, std::string& text)
{
    char buffer[PATH_MAX];
    const ssize_t n = ::readlink(path.c_str(), buffer, sizeof buffer);
    if (n < 0)
        return errno;
    if (static_cast<std::size_t>(n) == sizeof buffer)
        return ENAMETOOLONG;
    text.assign(buffer, static_cast<std::size_t>(n));
    return 0;
}

// Follows the symlinks at the end of `path` (the kernel resolves the folders on the way) to the
// file that is to be written or created. 0 or an errno.
int resolveTarget(const std::string& path, Target& target)
{
    std::string current = path;
    for (int links = 0;; ++links) {
        struct stat st
        {
        };
        if (::lstat(current.c_str(), &st) != 0) {
            if (errno != ENOENT)
                return errno;
            // Nothing there: a new file (a missing folder is reported when creating it).
            target.path = current;
            return 0;
        }
        if (!S_ISLNK(st.st_mode)) {
            target.path = current;
            target.exists = true;
            target.st = st;
            return 0;
        }
        if (links == kMaxSymlinks)
            return ELOOP;
        const std::string dir = directoryOf(current);
        if (onFileSystem(dir, PROC_SUPER_MAGIC)) {
            // /proc/self/fd/1 behind /dev/stdout: the text of such a link need not be a path
            // ("pipe:[1234]", a file in another mount namespace); only open() follows it right.
            if (::stat(current.c_str(), &st) != 0)
                return errno;
            target.path = current;
            target.exists = true;
            target.throughProcLink = true;
            target.st = st;
            return 0;
        }
        std::string text;
        if (const int err = readLinkText(current, text))
            return err;
        if (text.empty())
            return ENOENT;
        current = text.front() == '/' ? text : dir + "/" + text;
    }
}

// The temporary file next to the target. It is removed on every way out unless it was renamed,
// and registered meanwhile for the command line's signal handler (PendingTempFile).
class TempFile final
{
public:
    explicit TempFile(int dirFd)
        : m_dirFd(dirFd)
    { }
    ~TempFile() { remove(); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    // Creates ".procglass-XXXXXXXX.tmp" with O_EXCL and `mode` (the umask applies). 0 or an errno.
    int create(mode_t mode);
    int fd() const { return m_file.get(); }
    const char* name() const { return m_name; }
    // 0 or the errno of close().
    int close() { return ::close(m_file.release()) == 0 ? 0 : errno; }
    void remove();
    // Renamed over the target: nothing is left to remove.
    void renamed()
    {
        m_exists = false;
        clearPendingTempFile();
    }

private:
    int m_dirFd;
    UniqueFd m_file;
    char m_name[32] = {};
    bool m_exists = false;
};

int TempFile::create(mode_t mode)
{
    static constexpr char kLetters[]
        = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static constexpr char kPrefix[] = ".procglass-";
    static constexpr std::size_t kRandom = 8;
    for (unsigned attempt = 0; attempt < 100; ++attempt) {
        unsigned char random[kRandom];
        if (::getrandom(random, sizeof random, GRND_NONBLOCK) != sizeof random) {
            timespec now {};
            ::clock_gettime(CLOCK_MONOTONIC, &now);
            unsigned long mix = static_cast<unsigned long>(now.tv_nsec) ^ (::getpid() << 16)
                ^ (attempt * 2654435761u);
            for (unsigned char& r : random) {
                r = static_cast<unsigned char>(mix);
                mix = mix * 6364136223846793005ul + 1442695040888963407ul;
                r ^= static_cast<unsigned char>(mix >> 33);
            }
        }
        char* out = m_name;
        out = std::copy(kPrefix, kPrefix + sizeof kPrefix - 1, out);
        for (unsigned char r : random)
            *out++ = kLetters[r % (sizeof kLetters - 1)];
        std::memcpy(out, ".tmp", 5);

        // No signal between creating the file and registering it: a handler must find every
        // temporary file, and must never remove a file of that name that someone else made.
        sigset_t all;
        sigset_t saved;
        sigfillset(&all);
        ::pthread_sigmask(SIG_BLOCK, &all, &saved);
        const int fd
            = ::openat(m_dirFd, m_name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
        const int err = errno;
        if (fd >= 0) {
            m_file.reset(fd);
            m_exists = true;
            setPendingTempFile(m_dirFd, m_name);
        }
        ::pthread_sigmask(SIG_SETMASK, &saved, nullptr);
        if (fd >= 0)
            return 0;
        if (err != EEXIST)
            return err;
    }
    return EEXIST;
}

void TempFile::remove()
{
    m_file.reset();
    if (!m_exists)
        return;
    ::unlinkat(m_dirFd, m_name, 0);
    m_exists = false;
    clearPendingTempFile();
}

// The replacement keeps the old file's owner and group as far as the user may set them (root:
// both; anyone else: the group when they belong to it, otherwise the file is theirs like any new
// file), then its mode (after chown, which clears the set-id bits). Failures are ignored: the
// temporary file is 0600 until then, so a failed fchmod leaves it private rather than exposed.
void keepOwnerAndMode(int fd, const struct stat& old)
{
    if (::fchown(fd, old.st_uid, old.st_gid) != 0)
        (void)::fchown(fd, static_cast<uid_t>(-1), old.st_gid);
    (void)::fchmod(fd, old.st_mode & 07777);
}

// Through the existing file, like the shell's `>`: no atomicity (a reader may see old and new
// bytes mixed, and so may the user after a failure halfway): the price of keeping the file itself
// (its hard links, its mount, the file behind standard output). Reserving the space first makes a
// full disk fail before the old contents are touched. `write` puts the `size` bytes at offset 0:
// 0 or an errno.
TargetWriteStatus writeInPlace(const std::string& shown, const std::string& file, int fd,
    std::size_t size, const std::function<int()>& write)
{
    int err = 0;
    if (::fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, static_cast<off_t>(size)) != 0
        && (errno == ENOSPC || errno == EDQUOT))
        err = errno;
    if (err == 0)
        err = write();
    if (err == 0 && ::ftruncate(fd, static_cast<off_t>(size)) != 0)
        err = errno;
    if (err == 0 && ::fsync(fd) != 0 && errno != EINVAL)
        err = errno;
    if (err != 0)
        return failure(err, writeProblem(shown, file, err));
    return {};
}

TargetWriteStatus writeInPlace(
    const std::string& shown, const std::string& file, int fd, std::string_view data)
{
    return writeInPlace(shown, file, fd, data.size(), [fd, data] { return pwriteAll(fd, data); });
}

// The bytes of the file `from` (`size` of them), a chunk at a time.
int copyAll(int from, int to, std::size_t size)
{
    std::string buffer(std::min<std::size_t>(size, 256u * 1024u), '\0');
    off_t offset = 0;
    while (static_cast<std::size_t>(offset) < size) {
        const ssize_t n = ::pread(from, buffer.data(), buffer.size(), offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n < 0 ? errno : EIO;
        std::string_view chunk(buffer.data(), static_cast<std::size_t>(n));
        while (!chunk.empty()) {
            const ssize_t w = ::pwrite(to, chunk.data(), chunk.size(), offset);
            if (w < 0) {
                if (errno == EINTR)
                    continue;
                return errno;
            }
            chunk.remove_prefix(static_cast<std::size_t>(w));
            offset += w;
        }
    }
    return 0;
}

// Devices and FIFOs are written, never replaced. O_NONBLOCK keeps the open from waiting forever
// (a FIFO nobody reads, a serial line without carrier); once open, writes block as usual.
TargetWriteStatus writeSpecialFile(
    const std::string& shown, const Target& target, std::string_view data)
{
    UniqueFd fd(::open(target.path.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (!fd.valid()) {
        const int err = errno;
        if (err == ENXIO && S_ISFIFO(target.st.st_mode))
            return failure(
                err, "nobody is reading the FIFO " + shown + " (start the reader first)");
        return failure(err, writeProblem(shown, target.path, err));
    }
    struct stat now
    {
    };
    if (::fstat(fd.get(), &now) != 0 || (now.st_mode & S_IFMT) != (target.st.st_mode & S_IFMT))
        return failure(EAGAIN, "cannot write " + shown + ": it changed while exporting; try again");
    const int flags = ::fcntl(fd.get(), F_GETFL);
    int err = flags < 0 || ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK) != 0 ? errno : 0;
    if (err == 0)
        err = writeAll(fd.get(), data);
    if (err == 0 && ::close(fd.release()) != 0 && errno != EINTR)
        err = errno;
    if (err != 0)
        return failure(err, writeProblem(shown, target.path, err));
    return {};
}

} // namespace

std::string errnoPhrase(int err)
{
    std::string text = std::strerror(err);
    if (!text.empty())
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

TargetWriteStatus writeExportTarget(
    const std::string& path, std::string_view data, const TargetWriteOptions& options)
{
    ExportTargetWriter writer(path, options);
    return writer.commit(data);
}

struct ExportTargetWriter::State
{
    enum class Mode {
        Unopened,
        Failed,
        Replace, // the temporary file, renamed over the target
        InPlace, // the existing file, written as `>` would
        Special, // a device or a FIFO
    };
    std::string path;
    TargetWriteOptions options;
    Mode mode = Mode::Unopened;
    std::string shown; // the path as the user gave it, and where its link leads
    Target target;
    UniqueFd existing; // the regular file there, opened for writing
    UniqueFd dirFd; // its folder (Replace)
    std::optional<TempFile> temp; // after dirFd: removed before the folder is closed
    std::size_t written = 0; // bytes in the temporary file
    std::string kept; // bytes appended for InPlace and Special
    bool committed = false;
};

ExportTargetWriter::ExportTargetWriter(std::string path, TargetWriteOptions options)
    : m_state(std::make_unique<State>())
{
    m_state->path = std::move(path);
    m_state->options = std::move(options);
}

ExportTargetWriter::~ExportTargetWriter() = default;

TargetWriteStatus ExportTargetWriter::failed(TargetWriteStatus status)
{
    m_state->mode = State::Mode::Failed;
    m_state->temp.reset();
    m_status = status;
    return status;
}

bool ExportTargetWriter::writesAsItGoes() const
{
    return m_state->mode == State::Mode::Replace && m_status.ok();
}

TargetWriteStatus ExportTargetWriter::open()
{
    State& s = *m_state;
    if (s.mode != State::Mode::Unopened)
        return m_status;
    const std::string& path = s.path;
    if (path.empty())
        return failed(failure(ENOENT, "cannot write an unnamed file: give a file name"));
    const std::string base = baseOf(path);
    if (base.empty() || base == "." || base == "..")
        return failed(failure(EISDIR, "cannot write " + path + ": it names a folder, not a file"));
    if (const int err = resolveTarget(path, s.target))
        return failed(failure(err, writeProblem(path, path, err)));
    const Target& target = s.target;
    s.shown = target.path == path || target.throughProcLink
        ? path
        : path + " (a link to " + target.path + ")";
    const std::string& shown = s.shown;
    if (!target.exists)
        return openTemp();
    const mode_t mode = target.st.st_mode;
    if (S_ISDIR(mode))
        return failed(failure(EISDIR,
            "cannot write " + shown + ": it is a folder, not a file (give a file name in it)"));
    if (S_ISSOCK(mode))
        return failed(failure(ENXIO,
            "cannot write " + shown
                + ": it is a socket, which takes connections, not files (write to standard "
                  "output and pipe that instead)"));
    if (!S_ISREG(mode)) {
        s.mode = State::Mode::Special;
        return {};
    }
    if (!target.throughProcLink
        && (onFileSystem(directoryOf(target.path), PROC_SUPER_MAGIC)
            || onFileSystem(directoryOf(target.path), SYSFS_MAGIC)))
        return failed(failure(EPERM,
            "cannot write " + shown
                + ": it is a kernel file under /proc or /sys, not a place for an export"));
    // The test the shell's `>` makes: write permission on the folder is not enough to replace a
    // file the user may not write (a 0444 file), while root may.
    s.existing.reset(::open(target.path.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (!s.existing.valid()) {
        const int err = errno;
        if (err == EACCES || err == EPERM)
            return failed(failure(err,
                "cannot write " + shown + ": " + errnoPhrase(err)
                    + " (the file is read-only for you; choose another name)"));
        return failed(failure(err, writeProblem(shown, target.path, err)));
    }
    struct stat now
    {
    };
    if (::fstat(s.existing.get(), &now) != 0 || !S_ISREG(now.st_mode)
        || now.st_dev != target.st.st_dev || now.st_ino != target.st.st_ino)
        return failed(
            failure(EAGAIN, "cannot write " + shown + ": it changed while exporting; try again"));
    // A file with several hard links is one file under several names: renaming a new file over
    // one name would split it (the other names keep the old data), so it is written in place as
    // `>` does, giving up atomicity. The same for the file behind a /proc link (standard output
    // redirected to a file: `cat > /dev/stdout` writes it) and for a regular file in /dev.
    if (target.throughProcLink || now.st_nlink > 1 || onDevFileSystem(now)) {
        s.mode = State::Mode::InPlace;
        return {};
    }
    return openTemp();
}

// The temporary file next to the target (a new file, or a regular file opened in `existing`).
TargetWriteStatus ExportTargetWriter::openTemp()
{
    State& s = *m_state;
    const std::string dir = directoryOf(s.target.path);
    s.dirFd.reset(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!s.dirFd.valid() && errno == EACCES) // a folder one may enter but not list
        s.dirFd.reset(::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!s.dirFd.valid()) {
        const int err = errno;
        return failed(failure(err, writeProblem(s.shown, s.target.path, err)));
    }
    s.temp.emplace(s.dirFd.get());
    const bool existing = s.existing.valid();
    if (const int err = s.temp->create(existing ? 0600 : 0666)) {
        s.temp.reset();
        // A folder that takes no new file while the file itself is writable: as `>` would.
        if (existing && (err == EACCES || err == EPERM)) {
            s.mode = State::Mode::InPlace;
            return {};
        }
        return failed(failure(err, writeProblem(s.shown, s.target.path, err)));
    }
    if (existing)
        keepOwnerAndMode(s.temp->fd(), s.target.st);
    s.mode = State::Mode::Replace;
    return {};
}

bool ExportTargetWriter::append(std::string_view bytes)
{
    State& s = *m_state;
    if (s.mode == State::Mode::Unopened)
        (void)open();
    if (!m_status.ok() || s.committed)
        return false;
    if (s.mode != State::Mode::Replace) {
        s.kept.append(bytes);
        return true;
    }
    if (const int err = writeAll(s.temp->fd(), bytes)) {
        (void)failed(failure(err, writeProblem(s.shown, s.target.path, err)));
        return false;
    }
    // Start writing these bytes to the disk now, so that commit()'s fsync finds little left to
    // wait for (a hint: errors show at fsync).
    (void)::sync_file_range(s.temp->fd(), static_cast<off_t>(s.written),
        static_cast<off_t>(bytes.size()), SYNC_FILE_RANGE_WRITE);
    s.written += bytes.size();
    return true;
}

bool ExportTargetWriter::takeBack(std::string& all)
{
    State& s = *m_state;
    if (!m_status.ok() || s.committed || s.mode == State::Mode::Unopened)
        return false;
    if (s.mode != State::Mode::Replace) {
        all = std::move(s.kept);
        s.kept.clear();
        return true;
    }
    all.resize(s.written);
    std::size_t done = 0;
    int err = 0;
    while (done < s.written) {
        const ssize_t n
            = ::pread(s.temp->fd(), all.data() + done, s.written - done, static_cast<off_t>(done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            err = n < 0 ? errno : EIO;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    if (err == 0 && ::ftruncate(s.temp->fd(), 0) != 0)
        err = errno;
    if (err == 0 && ::lseek(s.temp->fd(), 0, SEEK_SET) != 0)
        err = errno;
    if (err != 0) {
        (void)failed(failure(err, writeProblem(s.shown, s.target.path, err)));
        return false;
    }
    s.written = 0;
    return true;
}

TargetWriteStatus ExportTargetWriter::commit(std::string_view rest)
{
    State& s = *m_state;
    if (s.mode == State::Mode::Unopened)
        (void)open();
    if (!m_status.ok())
        return m_status;
    if (s.committed)
        return failure(EINVAL, "cannot write " + s.shown + ": the export was written already");
    s.committed = true;
    switch (s.mode) {
    case State::Mode::Replace:
        return commitReplace(rest);
    case State::Mode::InPlace:
    case State::Mode::Special: {
        std::string joined;
        if (!s.kept.empty())
            joined = s.kept + std::string(rest);
        const std::string_view data = s.kept.empty() ? rest : std::string_view(joined);
        const TargetWriteStatus status = s.mode == State::Mode::InPlace
            ? writeInPlace(s.shown, s.target.path, s.existing.get(), data)
            : writeSpecialFile(s.shown, s.target, data);
        return status.ok() ? status : failed(status);
    }
    case State::Mode::Unopened:
    case State::Mode::Failed:
        break;
    }
    return m_status;
}

TargetWriteStatus ExportTargetWriter::commitReplace(std::string_view rest)
{
    State& s = *m_state;
    TempFile& temp = *s.temp;
    int err = writeAll(temp.fd(), rest);
    s.written += err == 0 ? rest.size() : 0;
    if (err == 0 && ::fsync(temp.fd()) != 0)
        err = errno;
    if (err == 0)
        err = temp.close();
    if (err != 0)
        return failed(failure(err, writeProblem(s.shown, s.target.path, err)));
    if (s.options.beforeRename)
        s.options.beforeRename();
    const std::string base = baseOf(s.target.path);
    if (::renameat(s.dirFd.get(), temp.name(), s.dirFd.get(), base.c_str()) != 0) {
        err = errno;
        // A bind-mounted file (EBUSY) or someone else's file in a sticky folder (EPERM) cannot
        // be renamed over, but it can be written as `>` would: the bytes come from the
        // temporary file, which is removed then.
        const bool inPlace = s.existing.valid() && (err == EBUSY || err == EPERM || err == EACCES);
        UniqueFd written(
            inPlace ? ::openat(s.dirFd.get(), temp.name(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC) : -1);
        temp.remove();
        if (!written.valid())
            return failed(failure(err, writeProblem(s.shown, s.target.path, err)));
        const int from = written.get();
        const int to = s.existing.get();
        const std::size_t size = s.written;
        const TargetWriteStatus status = writeInPlace(
            s.shown, s.target.path, to, size, [from, to, size] { return copyAll(from, to, size); });
        return status.ok() ? status : failed(status);
    }
    temp.renamed();
    // Make the rename durable (an O_PATH descriptor cannot; the rename stands anyway).
    (void)::fsync(s.dirFd.get());
    return {};
}

} // namespace pg
