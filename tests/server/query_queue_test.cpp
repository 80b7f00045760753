// The endpoint's query queue: a slot at once while one is free, a place in the queue while it has
// room, an immediate refusal beyond, and a waiting query's turn when a running one leaves.
#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "server/query_queue.hpp"

using policykg::server::QueryQueue;
using Admission = QueryQueue::Admission;

namespace {
auto later(int seconds) { return std::chrono::steady_clock::now() + std::chrono::seconds(seconds); }
}  // namespace

TEST(QueryQueue, RunsWaitsAndRefusesBeyondItsLimits) {
  QueryQueue queue(2, 1);
  EXPECT_EQ(queue.enter(later(30)), Admission::Run);
  EXPECT_EQ(queue.enter(later(30)), Admission::Run);
  std::atomic<int> waited{-1};
  std::thread waiter([&] { waited = static_cast<int>(queue.enter(later(30))); });
  // The third query waits in the queue; while it does, a fourth is refused at once.
  for (int i = 0; i < 2000 && queue.waiting() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(queue.waiting(), 1u);
  EXPECT_EQ(queue.enter(later(30)), Admission::Full);
  EXPECT_EQ(waited, -1);
  queue.leave();
  waiter.join();
  EXPECT_EQ(waited, static_cast<int>(Admission::Run));
  queue.leave();
  queue.leave();
  EXPECT_EQ(queue.enter(later(30)), Admission::Run);
  queue.leave();
}

TEST(QueryQueue, AWaitingQueryGivesUpAtItsDeadline) {
  QueryQueue queue(1, 4);
  ASSERT_EQ(queue.enter(later(30)), Admission::Run);
  EXPECT_EQ(queue.enter(std::chrono::steady_clock::now() + std::chrono::milliseconds(50)), Admission::TimedOut);
  QueryQueue no_queue(1, 0);
  ASSERT_EQ(no_queue.enter(later(30)), Admission::Run);
  EXPECT_EQ(no_queue.enter(later(30)), Admission::Full);
  no_queue.leave();
  queue.leave();
}
