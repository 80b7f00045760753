// Output files written whole or not at all: a temporary file beside the target, then a rename.
// The target must be a regular file or nothing (a symbolic link is followed to its target), and
// none of the command's inputs; a file replaced keeps its mode and owner; the temporary file is
// removed when a signal that can be caught stops the process.
#include "rdf/atomic_file.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <mutex>
#include <optional>
#include <ostream>
#include <random>
#include <streambuf>
#include <string>

#include "core/error.hpp"

namespace policykg::rdf {

namespace {

namespace fs = std::filesystem;

constexpr int kMaxLinks = 40;  // as the kernel's ELOOP

std::string error_text(int error) { return std::strerror(error); }

// What is at the target: its path once symbolic links are followed, and its status when it exists.
struct Target {
  fs::path file;
  std::optional<struct stat> existing;
};

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Follows symbolic links one at a time (a dangling link names the file to create), then checks
// what is there and that it is none of the inputs.
Target checked_target(const fs::path& path, const std::vector<fs::path>& inputs) {
  if (path.empty()) throw Error(Error::Category::Io, "<output>", "no output file named");
  if (!path.has_filename())
    throw Error(Error::Category::Io, path.string(), "names a folder (it ends with '/'); an output must be a file");
  Target t{path, std::nullopt};
  for (int hops = 0;; ++hops) {
    struct stat st{};
    if (::lstat(t.file.c_str(), &st) != 0) {
      if (errno == ENOENT) break;  // a new file
      throw Error(Error::Category::Io, path.string(), "cannot look at the output file: " + error_text(errno));
    }
    if (!S_ISLNK(st.st_mode)) {
      t.existing = st;
      break;
    }
    if (hops == kMaxLinks) throw Error(Error::Category::Io, path.string(), "too many levels of symbolic links");
    std::error_code ec;
    fs::path link = fs::read_symlink(t.file, ec);
    if (ec) throw Error(Error::Category::Io, path.string(), "cannot read the symbolic link: " + ec.message());
    t.file = link.is_absolute() ? link : t.file.parent_path() / link;
  }
  if (!t.file.has_filename())  // a link to "dir/"
    throw Error(Error::Category::Io, path.string(), "links to " + t.file.string() + ", a folder; an output must be a file");
  if (t.existing && !S_ISREG(t.existing->st_mode)) {
    std::string what = t.file == path ? std::string("is ") : "links to " + t.file.string() + ", ";
    throw Error(Error::Category::Io, path.string(),
                what + kind_of(t.existing->st_mode) + "; an output must be a regular file");
  }
  if (t.existing) {
    for (const auto& input : inputs) {
      struct stat in{};
      if (::stat(input.c_str(), &in) == 0 && in.st_dev == t.existing->st_dev && in.st_ino == t.existing->st_ino)
        throw Error(Error::Category::Usage, path.string(),
                    "is the same file as the input " + input.string() + "; refusing to overwrite an input");
    }
  }
  return t;
}

// The temporary file being written, for the signal handler, which may only call
// async-signal-safe functions: the path in a fixed buffer, set before the flag is.
char g_temporary[PATH_MAX];
std::atomic<bool> g_temporary_set{false};
static_assert(std::atomic<bool>::is_always_lock_free);

// The signals whose default action ends the process and that can be caught (SIGKILL and SIGSTOP
// cannot; faults such as SIGSEGV are left to the default action and the sanitizers).
constexpr std::array kSignals = {SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2, SIGXCPU, SIGXFSZ};

void remove_temporary_and_reraise(int signal) {
  if (g_temporary_set.load()) ::unlink(g_temporary);
  ::signal(signal, SIG_DFL);
  ::raise(signal);  // delivered with the default action once this handler returns
}

// kSignals blocked in this thread for the scope, so that registering and renaming the temporary
// file are not cut in two.
class SignalsBlocked {
 public:
  SignalsBlocked() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : kSignals) sigaddset(&set, s);
    pthread_sigmask(SIG_BLOCK, &set, &old_);
  }
  ~SignalsBlocked() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  SignalsBlocked(const SignalsBlocked&) = delete;
  SignalsBlocked& operator=(const SignalsBlocked&) = delete;

 private:
  sigset_t old_;
};

// The temporary file beside the target, created new (O_EXCL) and removed unless renamed into
// place, by the destructor or by the signal handler. Signals left at their default action get
// the handler while it exists; ignored ones and the program's own handlers are left alone.
class Temporary {
 public:
  Temporary(const fs::path& target, const fs::path& shown) {
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string stem = "." + target.filename().string().substr(0, 200) + ".tmp-" + std::to_string(::getpid()) + "-";
    SignalsBlocked blocked;
    std::random_device random;
    for (int attempt = 0;; ++attempt) {
      path_ = dir / (stem + std::to_string(random()));
      if (path_.native().size() >= sizeof g_temporary)
        throw Error(Error::Category::Io, shown.string(), "the output's path is too long");
      fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd_ >= 0) break;
      const int error = errno;
      if (error != EEXIST || attempt == 100)
        throw Error(Error::Category::Io, shown.string(), "cannot write in " + dir.string() + ": " + error_text(error));
    }
    std::memcpy(g_temporary, path_.c_str(), path_.native().size() + 1);
    g_temporary_set.store(true);
    struct sigaction ours{};
    ours.sa_handler = remove_temporary_and_reraise;
    sigemptyset(&ours.sa_mask);
    for (int s : kSignals) sigaddset(&ours.sa_mask, s);
    for (std::size_t i = 0; i < kSignals.size(); ++i) {
      sigaction(kSignals[i], nullptr, &old_[i]);
      installed_[i] = old_[i].sa_handler == SIG_DFL && (old_[i].sa_flags & SA_SIGINFO) == 0;
      if (installed_[i]) sigaction(kSignals[i], &ours, nullptr);
    }
  }
  ~Temporary() {
    SignalsBlocked blocked;
    if (fd_ >= 0) ::close(fd_);
    if (!renamed_) ::unlink(path_.c_str());
    g_temporary_set.store(false);
    for (std::size_t i = 0; i < kSignals.size(); ++i)
      if (installed_[i]) sigaction(kSignals[i], &old_[i], nullptr);
  }
  Temporary(const Temporary&) = delete;
  Temporary& operator=(const Temporary&) = delete;

  int fd() const { return fd_; }
  /// Closes the file; false (errno set) when the system reports a failed write only now.
  bool close() {
    int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }
  void rename_to(const fs::path& target, const fs::path& shown) {
    SignalsBlocked blocked;
    if (::rename(path_.c_str(), target.c_str()) != 0) {
      const int error = errno;
      throw Error(Error::Category::Io, shown.string(), "cannot rename the temporary file into place: " + error_text(error));
    }
    renamed_ = true;
    g_temporary_set.store(false);
  }

 private:
  fs::path path_;
  int fd_ = -1;
  bool renamed_ = false;
  std::array<struct sigaction, kSignals.size()> old_{};
  std::array<bool, kSignals.size()> installed_{};
};

// An output stream buffer over a file descriptor that keeps the errno of a failed write.
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!flush_buffer()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n <= 0) return 0;  // nothing to write; `s` may be null (an empty array's data())
    if (n < epptr() - pptr()) {
      std::memcpy(pptr(), s, static_cast<std::size_t>(n));
      pbump(static_cast<int>(n));
      return n;
    }
    return flush_buffer() && write_all(s, static_cast<std::size_t>(n)) ? n : 0;
  }
  int sync() override { return flush_buffer() ? 0 : -1; }

 private:
  bool write_all(const char* p, std::size_t n) {
    while (n > 0) {
      ssize_t written = ::write(fd_, p, n);
      if (written < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        return false;
      }
      p += written;
      n -= static_cast<std::size_t>(written);
    }
    return true;
  }
  bool flush_buffer() {
    bool ok = write_all(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return ok;
  }

  int fd_;
  int error_ = 0;
  std::array<char, 1 << 16> buffer_;
};

// Gives the new file the mode, owner and group of the one it replaces; the owner and group only
// as far as the process may set them (a user may give a file a group of theirs, not an owner).
void keep_mode_and_owner(int fd, const struct stat& old, const fs::path& shown) {
  if (::fchown(fd, old.st_uid, old.st_gid) != 0) (void)::fchown(fd, static_cast<uid_t>(-1), old.st_gid);
  if (::fchmod(fd, old.st_mode & 07777) != 0) {
    const int error = errno;
    throw Error(Error::Category::Io, shown.string(), "cannot keep the file's mode: " + error_text(error));
  }
}

std::mutex g_writing;  // one temporary file at a time: the signal handler knows of one

}  // namespace

void check_output_path(const std::filesystem::path& path, const std::vector<std::filesystem::path>& inputs) {
  checked_target(path, inputs);
}

void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           const std::vector<std::filesystem::path>& inputs) {
  write_file_atomically(
      path, [&](std::ostream& out) { out.write(content.data(), static_cast<std::streamsize>(content.size())); }, inputs);
}

void write_file_atomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write,
                           const std::vector<std::filesystem::path>& inputs) {
  std::lock_guard lock(g_writing);
  const Target target = checked_target(path, inputs);
  Temporary temporary(target.file, path);
  FdBuffer buffer(temporary.fd());
  std::ostream out(&buffer);
  write(out);  // an exception removes the temporary file (~Temporary)
  out.flush();
  if (!out) {
    const int error = buffer.error() != 0 ? buffer.error() : EIO;
    throw Error(Error::Category::Io, path.string(), "write failed: " + error_text(error));
  }
  if (target.existing) keep_mode_and_owner(temporary.fd(), *target.existing, path);
  if (!temporary.close()) {
    const int error = errno;
    throw Error(Error::Category::Io, path.string(), "write failed: " + error_text(error));
  }
  temporary.rename_to(target.file, path);
}

}  // namespace policykg::rdf
