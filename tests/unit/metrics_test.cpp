#include "actions/ratings.hpp"
#include "actions/tickets.hpp"
#include "core/paths.hpp"
#include "stats/formats.hpp"
#include "stats/metrics.hpp"
#include "store/store.hpp"
#include "test_database.hpp"
#include "test_support.hpp"

#include <cstdlib>
#include <ctime>
#include <sys/stat.h>

namespace tkt {
namespace {

// Sets TZ for one test and puts the old value back.
class Zone {
public:
    explicit Zone(const char* name) {
        if (const char* old = std::getenv("TZ")) {
            m_old = old;
        }
        ::setenv("TZ", name, 1);
        ::tzset();
    }
    Zone(const Zone&) = delete;
    Zone& operator=(const Zone&) = delete;
    ~Zone() {
        if (m_old) {
            ::setenv("TZ", m_old->c_str(), 1);
        } else {
            ::unsetenv("TZ");
        }
        ::tzset();
    }

private:
    std::optional<std::string> m_old;
};

Timestamp at(std::string_view text) {
    return parse_timestamp(text).value();
}

StatsKeys queue(std::string name) {
    StatsKeys keys;
    keys.queue = std::move(name);
    return keys;
}

StatsOptions options_for(std::string_view since, std::string_view until) {
    StatsOptions options;
    options.period = {at(since), at(until)};
    options.now = at(until);
    options.within = 1800;
    return options;
}

}  // namespace

TEST_CASE("stats::nearest_rank: the value at rank ceil(p·n), never interpolated") {
    std::vector<Seconds> none;
    CHECK_FALSE(nearest_rank(none, 50));
    std::vector<Seconds> one{42};
    CHECK(nearest_rank(one, 50) == 42);
    CHECK(nearest_rank(one, 90) == 42);
    std::vector<Seconds> four{40, 10, 30, 20};
    CHECK(nearest_rank(four, 50) == 20);  // rank 2, not 25
    CHECK(nearest_rank(four, 90) == 40);  // rank ceil(3.6) = 4
    std::vector<Seconds> ten{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    CHECK(nearest_rank(ten, 90) == 9);  // rank 9 exactly: no floating-point rounding up to 10
    CHECK(nearest_rank(ten, 50) == 5);
    CHECK(nearest_rank(ten, 100) == 10);
    std::vector<Seconds> hundred;
    for (Seconds i = 100; i >= 1; --i) {
        hundred.push_back(i);
    }
    CHECK(nearest_rank(hundred, 90) == 90);
    CHECK(nearest_rank(hundred, 1) == 1);
}

TEST_CASE("stats::summarize") {
    const DurationStats stats = summarize({600, 1800, 7200});
    CHECK(stats.count == 3);
    CHECK(stats.median == 1800);
    CHECK(stats.p90 == 7200);
    CHECK(stats.mean == doctest::Approx(3200));
    const DurationStats empty = summarize({});
    CHECK(empty.count == 0);
    CHECK_FALSE(empty.median);
    CHECK_FALSE(empty.mean);
}

TEST_CASE("stats::parse_period in the local time zone") {
    const Zone zone("Europe/Moscow");                  // UTC+3, no DST
    const Timestamp now = at("2026-11-22T10:00:00Z");  // Sunday 13:00 in Moscow

    const Period day = parse_period(std::string("yesterday"), std::nullopt, now);
    CHECK(day.since == at("2026-11-20T21:00:00Z"));
    CHECK(day.until == at("2026-11-21T21:00:00Z"));  // --since yesterday alone ends at midnight

    CHECK(parse_period(std::string("yesterday"), std::string("2026-11-22T12:00"), now).until ==
          at("2026-11-22T09:00:00Z"));
    const Period today = parse_period(std::string("today"), std::nullopt, now);
    CHECK(today.since == at("2026-11-21T21:00:00Z"));
    CHECK(today.until == now);
    CHECK(parse_period(std::string("this-week"), std::nullopt, now).since == at("2026-11-15T21:00:00Z"));
    // Last week alone is the whole of it, Monday to Monday; with --until it starts there.
    const Period last_week = parse_period(std::string("last-week"), std::nullopt, now);
    CHECK(last_week.since == at("2026-11-08T21:00:00Z"));
    CHECK(last_week.until == at("2026-11-15T21:00:00Z"));
    CHECK(parse_period(std::string("last week"), std::nullopt, now).since == last_week.since);
    CHECK(parse_period(std::string("last-week"), std::string("today"), now).until == at("2026-11-21T21:00:00Z"));
    CHECK(parse_period(std::string("this-month"), std::nullopt, now).since == at("2026-10-31T21:00:00Z"));
    const Period last_month = parse_period(std::string("last-month"), std::nullopt, now);
    CHECK(last_month.since == at("2026-09-30T21:00:00Z"));
    CHECK(last_month.until == at("2026-10-31T21:00:00Z"));
    CHECK(parse_period(std::string("7d"), std::nullopt, now).since == now - 7 * 86400);
    CHECK(parse_period(std::string("12h"), std::nullopt, now).since == now - 12 * 3600);
    CHECK(parse_period(std::string("2026-11-01"), std::nullopt, now).since == at("2026-10-31T21:00:00Z"));
    CHECK(parse_period(std::string("2026-11-01T09:30"), std::nullopt, now).since == at("2026-11-01T06:30:00Z"));
    CHECK(parse_period(std::string("2026-11-01T09:30Z"), std::nullopt, now).since == at("2026-11-01T09:30:00Z"));
    CHECK(parse_period(std::string("2026-11-01T09:30+01:00"), std::nullopt, now).since == at("2026-11-01T08:30:00Z"));
    CHECK(parse_period(std::string("1794787200"), std::nullopt, now).since == 1794787200);

    const Period last_day = parse_period(std::nullopt, std::nullopt, now);
    CHECK(last_day.since == now - 86400);
    CHECK(last_day.until == now);

    CHECK(test::error_code_of([&] { parse_period(std::string("someday"), std::nullopt, now); }) == Exit::usage);
    CHECK(test::error_code_of([&] { parse_period(std::string("2026-13-01"), std::nullopt, now); }) == Exit::usage);
    CHECK(test::error_code_of([&] { parse_period(std::string("2026-11-02"), std::string("2026-11-01"), now); }) ==
          Exit::usage);
}

TEST_CASE("stats::time_buckets follow the local clock through DST") {
    const Zone zone("America/New_York");  // DST ends 2026-11-01 02:00 EDT
    const auto days = time_buckets(StatsGroup::day, {at("2026-10-31T12:00:00Z"), at("2026-11-02T12:00:00Z")});
    REQUIRE(days.size() == 3);
    CHECK(days[0].label == "2026-10-31");
    CHECK(days[0].start == at("2026-10-31T04:00:00Z"));  // EDT midnight
    CHECK(days[1].label == "2026-11-01");
    CHECK(days[2].start - days[1].start == 25 * 3600);   // the day with an hour repeated
    CHECK(days[2].start == at("2026-11-02T05:00:00Z"));  // EST midnight

    const auto hours = time_buckets(StatsGroup::hour, {at("2026-11-01T04:30:00Z"), at("2026-11-01T07:00:00Z")});
    REQUIRE(hours.size() == 3);
    CHECK(hours[0].label == "2026-11-01 00:00");
    CHECK(hours[1].label == "2026-11-01 01:00");  // EDT
    CHECK(hours[2].label == "2026-11-01 01:00");  // EST: the same local hour, an hour later
    CHECK(time_buckets(StatsGroup::queue, {0, 86400}).empty());

    // ISO weeks from Monday, named by the week's own year; months from the first.
    const auto weeks = time_buckets(StatsGroup::week, {at("2026-12-30T12:00:00Z"), at("2027-01-12T12:00:00Z")});
    REQUIRE(weeks.size() == 3);
    CHECK(weeks[0].label == "2026-W53");
    CHECK(weeks[0].start == at("2026-12-28T05:00:00Z"));  // Monday, EST midnight
    CHECK(weeks[1].label == "2027-W01");
    CHECK(weeks[2].label == "2027-W02");
    const auto months = time_buckets(StatsGroup::month, {at("2026-10-15T12:00:00Z"), at("2026-12-01T05:00:00Z")});
    REQUIRE(months.size() == 2);
    CHECK(months[0].label == "2026-10");
    CHECK(months[0].start == at("2026-10-01T04:00:00Z"));  // EDT
    CHECK(months[1].start == at("2026-11-01T04:00:00Z"));  // before the change to EST that night
    CHECK(time_buckets(StatsGroup::day, {at("2026-11-01T12:00:00Z"), at("2026-11-01T12:00:00Z")}).size() == 1);
}

TEST_CASE("stats::aggregate_stats: backlog through solves and reopenings, per day") {
    const Zone zone("UTC");
    StatsFacts facts;
    facts.first_created = at("2026-11-01T00:00:00Z");
    // 1: open from the 1st, solved on the 2nd 12:00, reopened on the 3rd 12:00, solved again on the 4th.
    facts.open.push_back({1,
                          queue("a"),
                          at("2026-11-01T10:00:00Z"),
                          {{at("2026-11-02T12:00:00Z"), true},
                           {at("2026-11-03T12:00:00Z"), false},
                           {at("2026-11-04T12:00:00Z"), true}}});
    // 2: never solved, created on the 3rd.
    facts.open.push_back({2, queue("b"), at("2026-11-03T08:00:00Z"), {}});
    // 3: created and solved on the 2nd, before its end.
    facts.open.push_back({3, queue("a"), at("2026-11-02T01:00:00Z"), {{at("2026-11-02T02:00:00Z"), true}}});
    const StatsOptions options = options_for("2026-11-01T00:00:00Z", "2026-11-05T00:00:00Z");

    const StatsReport by_day = aggregate_stats(facts, options, StatsGroup::day, calendar_measure());
    REQUIRE(by_day.groups.size() == 4);
    CHECK(by_day.groups[0].second.backlog == 1);  // 1
    CHECK(by_day.groups[1].second.backlog == 0);  // 1 solved, 3 solved
    CHECK(by_day.groups[2].second.backlog == 2);  // 1 reopened, 2
    CHECK(by_day.groups[3].second.backlog == 1);  // 2
    CHECK(by_day.total.backlog == 1);

    const StatsReport by_queue = aggregate_stats(facts, options, StatsGroup::queue, calendar_measure());
    // Groups are the keys something counted in: queue a has nothing open at the end.
    REQUIRE(by_queue.groups.size() == 1);
    CHECK(by_queue.groups[0].first == "b");
    CHECK(by_queue.groups[0].second.backlog == 1);

    // A solve at the very end of the period is the next period's: open at the end.
    const StatsOptions earlier = options_for("2026-11-01T00:00:00Z", "2026-11-02T12:00:00Z");
    CHECK(aggregate_stats(facts, earlier, StatsGroup::none, calendar_measure()).total.backlog == 1);
}

TEST_CASE("stats::aggregate_stats: first replies, the threshold and agents") {
    StatsFacts facts;
    const Timestamp day = at("2026-11-16T00:00:00Z");
    facts.created.push_back({1, queue("a"), day + 3600, day + 3600 + 600, false, false});
    facts.created.push_back({2, queue("a"), day + 7200, day + 7200 + 1800, true, false});
    facts.created.push_back({3, queue("b"), day + 3600, std::nullopt, false, true});         // 23 h unanswered
    facts.created.push_back({4, queue("b"), day + 86400 - 60, std::nullopt, false, false});  // a minute old
    facts.replies.push_back({1, queue("a"), day + 4200, "anna", day + 3600});
    facts.replies.push_back({1, queue("a"), day + 5000, "anna", std::nullopt});  // a follow-up: no wait to time
    facts.solved.push_back({1, queue("a"), day + 3600, day + 9000, 1, "anna"});
    facts.activity.push_back({queue("a"), "anna", day + 3600});
    facts.activity.push_back({queue("b"), "anna", day + 3600});  // the same slot on another queue
    facts.activity.push_back({queue("a"), "anna", day + 4500});
    const StatsOptions options = options_for("2026-11-16T00:00:00Z", "2026-11-17T00:00:00Z");

    const StatsReport report = aggregate_stats(facts, options, StatsGroup::none, calendar_measure());
    const Metrics& m = report.total;
    CHECK(m.created == 4);
    CHECK(m.first_reply.count == 2);
    CHECK(m.within == 2);
    CHECK(m.within_judged == 3);  // 1, 2 and the old unanswered 3; not 4
    CHECK(m.within_share == doctest::Approx(2.0 / 3));
    CHECK(m.escalated == 1);
    CHECK(m.escalation_rate == doctest::Approx(0.25));
    CHECK(m.repeat_contacts == 1);
    CHECK(m.reply_time.count == 1);
    CHECK(m.one_touch == 1);
    REQUIRE(m.agents.size() == 1);
    CHECK(m.agents[0].replies == 2);
    CHECK(m.agents[0].solved == 1);
    CHECK(m.agents[0].hours == doctest::Approx(0.5));  // two distinct slots
    CHECK(m.agents[0].per_hour == doctest::Approx(2.0));
    CHECK(report.first_replies == std::vector<Seconds>{600, 1800});

    const StatsReport by_queue = aggregate_stats(facts, options, StatsGroup::queue, calendar_measure());
    CHECK(by_queue.groups[1].second.agents[0].hours == doctest::Approx(0.25));
}

TEST_CASE("stats::aggregate_stats: an empty period is zeros and nulls") {
    const StatsReport report =
        aggregate_stats(StatsFacts{}, options_for("2026-11-16T00:00:00Z", "2026-11-17T00:00:00Z"), StatsGroup::none,
                        calendar_measure());
    CHECK(report.total.created == 0);
    CHECK_FALSE(report.total.first_reply.median);
    CHECK_FALSE(report.total.within_share);
    CHECK_FALSE(report.total.escalation_rate);
    CHECK(report.groups.empty());
    const auto json = stats_json(report);
    CHECK(json["total"]["first_reply"]["median"].is_null());
    CHECK(json["total"]["created"] == 0);
}

TEST_CASE("stats::format_metric") {
    CHECK(format_metric(std::nullopt, Unit::seconds) == "-");
    CHECK(format_metric(42.0, Unit::count) == "42");
    CHECK(format_metric(31.5, Unit::seconds) == "31.5s");
    CHECK(format_metric(95.0, Unit::seconds) == "1m 35s");
    CHECK(format_metric(90061.0, Unit::seconds) == "1d 1h 1m 1s");
    CHECK(format_metric(0.744, Unit::share) == "74.4%");
    CHECK(format_metric(11.25, Unit::rate) == "11.25");
}

TEST_CASE("paths::write_file_atomically") {
    test::TempDir dir;
    const auto file = dir / "report.prom";
    write_file_atomically(file, "first\n");
    write_file_atomically(file, "second\n");
    CHECK(read_file(file) == "second\n");
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()) == 1);
    CHECK(test::error_code_of([&] { write_file_atomically(dir / "missing" / "x", "y"); }) == Exit::cant_create);
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    const mode_t mask = ::umask(0);
    ::umask(mask);
    CHECK((info.st_mode & 0777) == (0666 & ~mask));
}

}  // namespace tkt

namespace tkt {

TEST_CASE("stats::gather_stats: the backlog of tickets solved before the period and reopened") {
    Store store = test::fresh_store();
    NewTicket request;
    request.subject = "Help";
    request.requester = "kim@example.com";
    request.body = "Please";
    const Timestamp day = 86400;
    const Timestamp start = 10 * day;  // the period is day 10
    const auto ticket = [&](Timestamp created, std::initializer_list<std::pair<Timestamp, bool>> changes) {
        const TicketId id = create_ticket(store, request, Actor{"anna", created});
        for (const auto& [at, close] : changes) {
            const std::vector<TicketId> ids{id};
            if (close) {
                close_tickets(store, ids, Actor{"anna", at});
            } else {
                reopen_tickets(store, ids, Actor{"anna", at});
            }
        }
        return id;
    };
    ticket(day, {{2 * day, true}, {3 * day, false}});                             // reopened before: open throughout
    ticket(day, {{2 * day, true}, {3 * day, false}, {4 * day, true}});            // closed again before: not open
    ticket(day, {{2 * day, true}, {3 * day, false}, {12 * day, true}});           // closed again after: open at the end
    ticket(day, {{2 * day, true}, {start + 3600, false}});                        // reopened within: open at the end
    ticket(day, {{2 * day, true}, {start + 3600, false}, {start + 7200, true}});  // and closed again within
    ticket(day, {{2 * day, true}});                                               // solved long before: not open
    ticket(start + 60, {});                                                       // new in the period

    StatsOptions options;
    options.period = {start, start + day};
    options.now = 20 * day;
    const StatsFacts facts = gather_stats(store, options, std::vector<StatsGroup>{StatsGroup::none});
    const StatsReport report = aggregate_stats(facts, options, StatsGroup::none, calendar_measure());
    CHECK(report.total.backlog == 4);
    CHECK(report.total.reopened == 2);
    CHECK(report.total.created == 1);
}

}  // namespace tkt
