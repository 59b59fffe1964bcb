// Handing queued outbox entries to sendmail (DESIGN.md 6): claimed and recorded a
// batch at a time, so that an outage message to 5,000 tickets costs two hundred
// transactions rather than ten thousand disk syncs, and handed over up to
// SendOptions::parallel at a time.
#include "actions/reply.hpp"
#include "core/error.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fmt/format.h>
#include <thread>

namespace tkt {
namespace {

// How many entries are claimed in one transaction. A killed tkt leaves at most these
// in 'sending' (those sendmail took and those it never saw alike, since tkt cannot
// tell them apart): none is sent twice, and 'tkt outbox requeue' is the way on.
constexpr std::size_t k_send_batch = 50;

// Hands claimed entry `item` to its program: the one place where a message leaves tkt.
// An exception is that entry's failure: the others of its batch are still recorded.
SendResult hand_over(const OutboxItem& item, const Senders& senders) {
    try {
        return deliver(senders, item);
    } catch (const std::exception& error) {
        return SendResult{false, error.what()};
    }
}

// Marks the queued entries among `ids` as being sent, in one transaction, and returns
// them with their messages; those not queued (sent already, or another process is
// sending them) are left out.
std::vector<OutboxItem> claim_batch(Store& store, std::span<const std::int64_t> ids, Timestamp now) {
    std::vector<OutboxItem> claimed;
    auto claim = store.begin_write();
    for (const auto id : ids) {
        if (auto item = store.claim_outbox(id, now)) {
            claimed.push_back(std::move(*item));
        }
    }
    claim.commit();
    return claimed;
}

// Hands each of `items` over, `parallel` at most at a time; returns what became of
// each, in their order.
std::vector<SendResult> hand_over_all(const std::vector<OutboxItem>& items, const Senders& senders,
                                      std::size_t parallel) {
    std::vector<SendResult> results(items.size());
    const std::size_t workers = std::min(parallel, items.size());
    if (workers <= 1) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            results[i] = hand_over(items[i], senders);
        }
        return results;
    }
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i = next++; i < items.size(); i = next++) {
            results[i] = hand_over(items[i], senders);
        }
    };
    {
        std::vector<std::jthread> threads;
        for (std::size_t i = 0; i < workers; ++i) {
            threads.emplace_back(work);
        }
    }
    return results;
}

// Records what sendmail did with a batch of claimed entries. sendmail cannot be
// undone, so a lock held by other processes is waited out several times over, and for
// half a minute at least (under 50 writers a short TKT_LOCK_TIMEOUT ran out six times
// in a row), before the batch is left in 'sending' (in doubt) and the error reported.
void record_deliveries(Store& store, std::span<const Delivery> deliveries, Timestamp now) {
    constexpr int k_attempts = 6;
    constexpr auto k_patience = std::chrono::seconds(30);
    const auto give_up_after = std::chrono::steady_clock::now() + k_patience;
    for (int attempt = 1;; ++attempt) {
        try {
            auto finish = store.begin_write();
            for (const auto& delivery : deliveries) {
                store.finish_outbox(delivery.item.id,
                                    delivery.result.ok ? std::nullopt : std::optional(delivery.result.error), now);
            }
            finish.commit();
            return;
        } catch (const Error& error) {
            if (error.code() == Exit::temp_fail &&
                (attempt < k_attempts || std::chrono::steady_clock::now() < give_up_after)) {
                if (attempt >= k_attempts) {
                    // A lock timeout of 0 answers at once: do not spin on it.
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                }
                continue;
            }
            // Not "try again": sending the replies again would send them twice.
            std::string reason = error.what();
            if (reason.ends_with("; try again")) {
                reason.resize(reason.size() - std::string_view("; try again").size());
            }
            const Delivery& first = deliveries.front();
            if (deliveries.size() == 1) {
                const std::string outcome = first.result.ok ? "sendmail took it" : "sendmail failed";
                throw Error(error.code(), fmt::format("outbox message {} (ticket {}): {}, but recording that failed: "
                                                      "{}; it stays in 'sending', not to be sent again",
                                                      first.item.id, first.item.ticket_id, outcome, reason));
            }
            throw Error(error.code(), fmt::format("outbox messages {} to {}: sendmail was run for each of the {}, but "
                                                  "recording how it went failed: {}; they stay in 'sending', not to "
                                                  "be sent again",
                                                  first.item.id, deliveries.back().item.id, deliveries.size(), reason));
        }
    }
}

}  // namespace

std::vector<Delivery> send_outbox(Store& store, const Senders& senders, std::span<const std::int64_t> ids,
                                  Timestamp now, const SendOptions& options) {
    std::vector<std::int64_t> wanted(ids.begin(), ids.end());
    if (wanted.empty()) {
        for (const auto& item : store.outbox(OutboxScope::waiting)) {
            if (item.state == OutboxState::queued) {
                wanted.push_back(item.id);
            }
        }
    }
    std::vector<Delivery> deliveries;
    for (std::size_t at = 0; at < wanted.size(); at += k_send_batch) {
        const auto batch = std::span(wanted).subspan(at, std::min(k_send_batch, wanted.size() - at));
        std::vector<OutboxItem> claimed = claim_batch(store, batch, now);
        std::vector<SendResult> results = hand_over_all(claimed, senders, options.parallel);
        const std::size_t first = deliveries.size();
        for (std::size_t i = 0; i < claimed.size(); ++i) {
            deliveries.push_back(Delivery{std::move(claimed[i]), std::move(results[i])});
        }
        const auto sent = std::span(deliveries).subspan(first);
        if (!sent.empty()) {  // another process may have taken the whole batch
            record_deliveries(store, sent, now);
        }
        for (auto& delivery : sent) {
            delivery.item.raw.clear();
            delivery.item.state = delivery.result.ok ? OutboxState::sent : OutboxState::queued;
        }
        if (options.progress) {
            options.progress(at + batch.size(), wanted.size());
        }
    }
    return deliveries;
}

}  // namespace tkt
