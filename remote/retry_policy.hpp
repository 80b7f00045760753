// When a failed request is tried again, and how long to wait first.
#pragma once

#include <chrono>

namespace policykg::remote {

struct RetryPolicy {
  int attempts = 4;                              ///< tries in all, the first included
  std::chrono::milliseconds first_delay{500};    ///< the wait before the first retry; doubled each time
  std::chrono::milliseconds max_delay{8000};     ///< no wait longer than this

  /// Whether an answer with this HTTP status is worth another try: the server's failures (5xx),
  /// but not 501 Not Implemented or 505 HTTP Version Not Supported, which will not change.
  static bool retryable(int status) { return status >= 500 && status <= 599 && status != 501 && status != 505; }
  /// The wait before retry number `retry` (0 for the first): first_delay doubled `retry` times,
  /// at most max_delay.
  std::chrono::milliseconds delay(int retry) const {
    auto d = first_delay;
    for (int i = 0; i < retry && d < max_delay; ++i) d *= 2;
    return d < max_delay ? d : max_delay;
  }
};

}  // namespace policykg::remote
