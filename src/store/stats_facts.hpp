// What a metrics report reads from the store (DESIGN.md 8): the tickets, replies and
// events of one period, as Store::stats_facts returns them and src/stats/ aggregates
// them. Types only; the queries are in store_stats.cpp.
#pragma once

#include "core/ticket.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tkt {

// [since, until): Unix seconds.
struct Period {
    Timestamp since = 0;
    Timestamp until = 0;
};

// A ticket as a report groups it.
struct StatsKeys {
    std::optional<std::string> queue;
    int line = 1;
    Priority priority = Priority::normal;
    Channel channel = Channel::api;
    std::optional<std::string> assignee;
    // Read only for reports by tag or customer (`labelled` then), for the facts of a ticket.
    bool labelled = false;
    std::vector<std::string> tags;  // sorted
    std::string customer;           // the customer's first identity, or the requester's address
};

// Everything a report reads, as the store returns it for one period and filter.
struct StatsFacts {
    // Who did what to a ticket, read for reports by agent or line only.
    struct Credit {
        std::string first_replier;              // the first reply's author, "" when none
        std::string escalated_by;               // who first escalated it, "" when nobody
        std::optional<Timestamp> escalated_at;  // when
        std::optional<int> from_line;           // the line it was escalated from
        std::optional<int> to_line;             // and to
        std::string received_by;                // the agent that escalation gave it to, "" when none
    };
    struct Created {  // a ticket created in the period
        TicketId id = 0;
        StatsKeys keys;
        Timestamp created_at = 0;
        std::optional<Timestamp> first_reply_at;
        bool escalated = false;
        bool repeat = false;
        Credit credit = {};
    };
    struct Solved {  // a ticket first solved or closed in the period
        TicketId id = 0;
        StatsKeys keys;
        Timestamp created_at = 0;
        Timestamp solved_at = 0;
        std::int64_t replies = 0;  // replies ever sent
        std::string owner;         // the agent who solved it, else its assignee
    };
    struct Open {  // a ticket that may be open at some moment of the period
        TicketId id = 0;
        StatsKeys keys;
        Timestamp created_at = 0;
        // When it finished (solved, closed) and reopened, in order: (at, finished after).
        std::vector<std::pair<Timestamp, bool>> changes;
    };
    struct Reply {  // a reply sent in the period
        TicketId id = 0;
        StatsKeys keys;
        Timestamp at = 0;
        std::string author;
        std::optional<Timestamp> waiting_since;  // the oldest customer message it answers
        bool bulk = false;                       // one of a reply to many tickets at once
    };
    enum class Happened { reopened, breached_first_reply, breached_next_reply, breached_resolve };
    struct Happening {  // a ticket event of the period: reopened, breached
        TicketId id = 0;
        StatsKeys keys;
        Timestamp at = 0;
        Happened what = Happened::reopened;
    };
    struct Rated {  // a ticket whose current rating was given in the period
        TicketId id = 0;
        StatsKeys keys;
        Timestamp at = 0;
        int score = 0;
        std::string agent;  // who it is credited to, "" when no agent replied
    };
    struct Activity {  // an agent recorded something on a ticket in a 15-minute slot
        StatsKeys keys;
        std::string agent;
        Timestamp slot = 0;  // the slot's start
    };
    std::vector<Created> created;
    std::vector<Solved> solved;
    std::vector<Open> open;
    std::vector<Reply> replies;
    std::vector<Happening> happenings;
    std::vector<Rated> ratings;
    std::vector<Activity> activity;
    std::optional<Timestamp> first_created;  // of the whole store, for time buckets
};

}  // namespace tkt
