// The endpoint's query queue: a slot at once while one is free to the client, a place in the
// queue while it has room, an immediate refusal beyond, a waiting query's turn when a running one
// leaves, and at most half the slots for one client.
#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "server/query_queue.hpp"

using policykg::server::QueryQueue;
using Admission = QueryQueue::Admission;

namespace {

auto later(int seconds) { return std::chrono::steady_clock::now() + std::chrono::seconds(seconds); }

void until_waiting(QueryQueue& queue, std::size_t n) {
  for (int i = 0; i < 2000 && queue.waiting() != n; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

const std::string a = "192.0.2.1", b = "192.0.2.2", c = "192.0.2.3";

}  // namespace

TEST(QueryQueue, RunsWaitsAndRefusesBeyondItsLimits) {
  QueryQueue queue(2, 1);
  EXPECT_EQ(queue.enter(a, later(30)), Admission::Run);
  EXPECT_EQ(queue.enter(b, later(30)), Admission::Run);
  std::atomic<int> waited{-1};
  std::thread waiter([&] { waited = static_cast<int>(queue.enter(c, later(30))); });
  // The third query waits in the queue; while it does, a fourth is refused at once.
  until_waiting(queue, 1);
  ASSERT_EQ(queue.waiting(), 1u);
  EXPECT_EQ(queue.enter(c, later(30)), Admission::Full);
  EXPECT_EQ(waited, -1);
  queue.leave(a);
  waiter.join();
  EXPECT_EQ(waited, static_cast<int>(Admission::Run));
  queue.leave(b);
  queue.leave(c);
  EXPECT_EQ(queue.enter(a, later(30)), Admission::Run);
  queue.leave(a);
}

TEST(QueryQueue, OneClientTakesAtMostHalfTheSlots) {
  QueryQueue queue(4, 8);
  EXPECT_EQ(queue.max_per_client(), 2u);
  ASSERT_EQ(queue.enter(a, later(30)), Admission::Run);
  ASSERT_EQ(queue.enter(a, later(30)), Admission::Run);
  std::atomic<int> third{-1};
  std::thread waiter([&] { third = static_cast<int>(queue.enter(a, later(30))); });
  until_waiting(queue, 1);
  ASSERT_EQ(queue.waiting(), 1u);
  // Another client runs at once although a's query waits before it.
  EXPECT_EQ(queue.enter(b, later(30)), Admission::Run);
  EXPECT_EQ(third, -1);
  queue.leave(a);
  waiter.join();
  EXPECT_EQ(third, static_cast<int>(Admission::Run));
  queue.leave(a);
  queue.leave(a);
  queue.leave(b);
}

TEST(QueryQueue, AWaitingQueryGivesUpAtItsDeadline) {
  QueryQueue queue(1, 4);
  ASSERT_EQ(queue.enter(a, later(30)), Admission::Run);
  EXPECT_EQ(queue.enter(b, std::chrono::steady_clock::now() + std::chrono::milliseconds(50)), Admission::TimedOut);
  EXPECT_EQ(queue.waiting(), 0u);
  QueryQueue no_queue(1, 0);
  ASSERT_EQ(no_queue.enter(a, later(30)), Admission::Run);
  EXPECT_EQ(no_queue.enter(b, later(30)), Admission::Full);
  no_queue.leave(a);
  queue.leave(a);
}
