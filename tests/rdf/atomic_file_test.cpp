// Output files: what write_file_atomically refuses (folders, devices, FIFOs, sockets, the
// command's inputs), what it keeps (a symbolic link, the mode and owner of the file it replaces)
// and that a signal leaves no temporary file.
#include "rdf/atomic_file.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/error.hpp"
#include "tests/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
using policykg::Error;
using policykg::rdf::check_output_path;
using policykg::rdf::write_file_atomically;

// A fresh folder for each test.
fs::path fresh_dir(const std::string& name) {
  auto dir = policykg::test::process_temp_dir() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

void put(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::vector<std::string> temporaries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().find(".tmp-") != std::string::npos) out.push_back(entry.path().string());
  return out;
}

// The error write_file_atomically throws for `path`, or a failure when it throws none.
Error error_writing(const fs::path& path, const std::vector<fs::path>& inputs = {}) {
  try {
    write_file_atomically(path, "new", inputs);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "wrote " << path;
  return Error(Error::Category::Internal, "", "");
}

TEST(AtomicFile, RefusesFoldersDevicesFifosAndSockets) {
  fs::path dir = fresh_dir("kinds");
  fs::create_directory(dir / "folder");
  Error e = error_writing(dir / "folder");
  EXPECT_EQ(e.category(), Error::Category::Io);
  EXPECT_EQ(e.describe(), (dir / "folder").string() + ": is a directory; an output must be a regular file");
  e = error_writing((dir / "folder").string() + "/");
  EXPECT_NE(e.describe().find("names a folder"), std::string::npos) << e.describe();
  EXPECT_TRUE(fs::is_directory(dir / "folder"));
  EXPECT_TRUE(fs::is_empty(dir / "folder"));

  e = error_writing("/dev/null");
  EXPECT_EQ(e.describe(), "/dev/null: is a character device; an output must be a regular file");
  EXPECT_TRUE(fs::is_character_file("/dev/null"));

  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  e = error_writing(dir / "fifo");  // refused before it is opened: no wait for a reader
  EXPECT_NE(e.describe().find("is a FIFO"), std::string::npos) << e.describe();
  EXPECT_TRUE(fs::is_fifo(dir / "fifo"));

  int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::string socket_path = (dir / "socket").string();
  ASSERT_LT(socket_path.size(), sizeof address.sun_path);
  std::copy(socket_path.begin(), socket_path.end(), address.sun_path);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  e = error_writing(dir / "socket");
  EXPECT_NE(e.describe().find("is a socket"), std::string::npos) << e.describe();
  EXPECT_TRUE(fs::is_socket(dir / "socket"));
  ::close(fd);

  EXPECT_THROW(check_output_path(dir / "fifo"), Error);
  EXPECT_NO_THROW(check_output_path(dir / "new.ttl"));
  EXPECT_TRUE(temporaries(dir).empty());
  fs::remove_all(dir);
}

TEST(AtomicFile, WritesThroughASymbolicLinkToItsTarget) {
  fs::path dir = fresh_dir("links");
  put(dir / "real.ttl", "old");
  fs::create_symlink("real.ttl", dir / "link.ttl");
  fs::create_directory(dir / "sub");
  fs::create_symlink("../link.ttl", dir / "sub" / "chain.ttl");  // a link to a link
  write_file_atomically(dir / "link.ttl", "new");
  EXPECT_TRUE(fs::is_symlink(dir / "link.ttl"));
  EXPECT_EQ(fs::read_symlink(dir / "link.ttl"), "real.ttl");
  EXPECT_EQ(read(dir / "real.ttl"), "new");
  write_file_atomically(dir / "sub" / "chain.ttl", "newer");
  EXPECT_TRUE(fs::is_symlink(dir / "sub" / "chain.ttl"));
  EXPECT_EQ(read(dir / "real.ttl"), "newer");
  EXPECT_TRUE(temporaries(dir / "sub").empty());

  // A dangling link names the file to create.
  fs::create_symlink("made.ttl", dir / "dangling.ttl");
  write_file_atomically(dir / "dangling.ttl", "made");
  EXPECT_TRUE(fs::is_symlink(dir / "dangling.ttl"));
  EXPECT_EQ(read(dir / "made.ttl"), "made");

  // A link to what may not be written is refused, naming both.
  fs::create_symlink("/dev/null", dir / "null.ttl");
  Error e = error_writing(dir / "null.ttl");
  EXPECT_EQ(e.describe(),
            (dir / "null.ttl").string() + ": links to /dev/null, a character device; an output must be a regular file");
  EXPECT_TRUE(fs::is_symlink(dir / "null.ttl"));

  fs::create_symlink("loop-b", dir / "loop-a");
  fs::create_symlink("loop-a", dir / "loop-b");
  e = error_writing(dir / "loop-a");
  EXPECT_NE(e.describe().find("too many levels of symbolic links"), std::string::npos) << e.describe();
  EXPECT_TRUE(temporaries(dir).empty());
  fs::remove_all(dir);
}

TEST(AtomicFile, KeepsTheModeAndOwnerOfTheFileItReplaces) {
  fs::path dir = fresh_dir("mode");
  fs::path file = dir / "graph.ttl";
  put(file, "old");
  ASSERT_EQ(::chmod(file.c_str(), 0640), 0);
  write_file_atomically(file, "new");
  struct stat st{};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_EQ(read(file), "new");

  // A new file gets 0666 less the umask, as any file the process creates.
  mode_t mask = ::umask(022);
  write_file_atomically(dir / "fresh.ttl", "x");
  ::umask(mask);
  ASSERT_EQ(::stat((dir / "fresh.ttl").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0644u);

  if (::geteuid() == 0) {  // only root may give a file to someone else
    ASSERT_EQ(::chown(file.c_str(), 12345, 23456), 0);
    write_file_atomically(file, "newer");
    ASSERT_EQ(::stat(file.c_str(), &st), 0);
    EXPECT_EQ(st.st_uid, 12345u);
    EXPECT_EQ(st.st_gid, 23456u);
    EXPECT_EQ(st.st_mode & 07777, 0640u);
  }
  fs::remove_all(dir);
}

TEST(AtomicFile, RefusesToOverwriteAnInputByDeviceAndInode) {
  fs::path dir = fresh_dir("inputs");
  fs::path input = dir / "d.txt";
  put(input, "the text");
  fs::create_hard_link(input, dir / "hard.txt");
  fs::create_symlink("d.txt", dir / "soft.txt");
  for (const fs::path& out : {input, dir / "hard.txt", dir / "soft.txt", dir / "." / "d.txt"}) {
    Error e = error_writing(out, {dir / "other.txt", input});
    EXPECT_EQ(e.category(), Error::Category::Usage) << out;
    EXPECT_EQ(e.describe(), out.string() + ": is the same file as the input " + input.string() +
                                "; refusing to overwrite an input");
    EXPECT_THROW(check_output_path(out, {input}), Error);
  }
  EXPECT_EQ(read(input), "the text");
  write_file_atomically(dir / "out.ttl", "graph", {input});
  EXPECT_EQ(read(dir / "out.ttl"), "graph");
  EXPECT_TRUE(temporaries(dir).empty());
  fs::remove_all(dir);
}

// Runs `body` in a child process; its wait status.
template <typename Body>
int in_child(Body body) {
  pid_t pid = ::fork();
  if (pid == 0) {
    try {
      body();
    } catch (...) {
      ::_exit(3);
    }
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

TEST(AtomicFile, ACaughtSignalRemovesTheTemporaryFileThenEndsTheProcess) {
  for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGXFSZ}) {
    fs::path dir = fresh_dir("signal-" + std::to_string(signal));
    fs::path file = dir / "graph.ttl";
    put(file, "old");
    int status = in_child([&] {
      rlimit no_core{0, 0};
      ::setrlimit(RLIMIT_CORE, &no_core);
      write_file_atomically(file, [&](std::ostream& out) {
        out << "half" << std::flush;
        ::raise(signal);
        out << " and the rest";
      });
    });
    ASSERT_TRUE(WIFSIGNALED(status)) << "signal " << signal << ": status " << status;
    EXPECT_EQ(WTERMSIG(status), signal);
    EXPECT_EQ(read(file), "old") << signal;
    EXPECT_TRUE(temporaries(dir).empty()) << signal;
    fs::remove_all(dir);
  }
}

TEST(AtomicFile, IgnoredSignalsStayIgnoredAndHandlersAreRestored) {
  fs::path dir = fresh_dir("ignored");
  fs::path file = dir / "graph.ttl";
  int status = in_child([&] {
    ::signal(SIGHUP, SIG_IGN);  // as nohup leaves it
    write_file_atomically(file, [](std::ostream& out) {
      out << "half";
      ::raise(SIGHUP);
      out << " and the rest";
    });
  });
  ASSERT_TRUE(WIFEXITED(status)) << status;
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(read(file), "half and the rest");

  struct sigaction before{}, during{}, after{};
  sigaction(SIGTERM, nullptr, &before);
  ASSERT_EQ(before.sa_handler, SIG_DFL);
  write_file_atomically(file, [&](std::ostream&) { sigaction(SIGTERM, nullptr, &during); });
  sigaction(SIGTERM, nullptr, &after);
  EXPECT_NE(during.sa_handler, SIG_DFL);
  EXPECT_EQ(after.sa_handler, SIG_DFL);
  fs::remove_all(dir);
}

TEST(AtomicFile, AFailedWriteNamesItsCauseAndLeavesTheOldFile) {
  fs::path dir = fresh_dir("full");
  fs::path file = dir / "graph.ttl";
  put(file, "old");
  int status = in_child([&] {
    ::signal(SIGXFSZ, SIG_IGN);  // a write past the limit then fails with EFBIG
    rlimit small{1000, 1000};
    ::setrlimit(RLIMIT_FSIZE, &small);
    try {
      write_file_atomically(file, std::string(5000, 'x'));
    } catch (const Error& e) {
      if (e.describe() == file.string() + ": write failed: File too large") ::_exit(7);
      ::_exit(8);
    }
  });
  ASSERT_TRUE(WIFEXITED(status)) << status;
  EXPECT_EQ(WEXITSTATUS(status), 7);
  EXPECT_EQ(read(file), "old");
  EXPECT_TRUE(temporaries(dir).empty());
  fs::remove_all(dir);
}

}  // namespace
