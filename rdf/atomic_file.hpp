// Writing an output file atomically, so that a failed run never leaves a half-written file.
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string_view>
#include <vector>

namespace policykg::rdf {

/// Checks that `path` may take an output file, before any work is done: nothing there yet, or a
/// regular file (a symbolic link is followed to its target), never a directory, device, FIFO or
/// socket (Error(Io) naming the path), and not the same file, by device and inode, as one of
/// `inputs`, the files the command reads (Error(Usage) naming both).
void check_output_path(const std::filesystem::path& path, const std::vector<std::filesystem::path>& inputs = {});

/// Writes `content` to `path` through a temporary file in the same folder and a rename, so that
/// a failed run never leaves a half-written file; checks `path` as check_output_path does first.
/// A symbolic link at `path` stays: its target is replaced. A file replaced keeps its mode (and
/// its owner and group where the process may set them). The temporary file is removed when the
/// process is stopped by a signal it can catch (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE,
/// SIGALRM, SIGUSR1, SIGUSR2, SIGXCPU, SIGXFSZ), before the signal takes its usual course; SIGKILL
/// cannot be caught and leaves it (".NAME.tmp-*" beside the target; the old file is intact).
/// One file is written at a time (calls from several threads wait their turn). Throws Error.
void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           const std::vector<std::filesystem::path>& inputs = {});
/// The same with the content written by `write` to the temporary file's stream.
void write_file_atomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write,
                           const std::vector<std::filesystem::path>& inputs = {});

}  // namespace policykg::rdf
