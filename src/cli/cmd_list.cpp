#include "actions/escalate.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/ticket_args.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

enum class Format { automatic, json, csv };

struct ListOptions {
    std::vector<std::string> filter;
    std::string sort = "id";
    std::int64_t limit = 0;
    Format format = Format::automatic;
};

std::string or_dash(const std::optional<std::string>& value) {
    return value ? *value : "-";
}

void print_tty(const std::vector<Ticket>& tickets, Context& context) {
    if (tickets.empty()) {
        context.out() << "no tickets match\n";
        return;
    }
    std::vector<std::vector<Cell>> rows;
    for (const auto& t : tickets) {
        rows.push_back({
            {std::to_string(t.id)},
            {std::string(to_string(t.status)), style_of(t.status)},
            {std::string(to_string(t.priority)), style_of(t.priority)},
            {or_dash(t.queue)},
            {or_dash(t.assignee)},
            {format_age(context.now() - t.created_at)},
            {t.requester},
            {squash_whitespace(t.subject)},
        });
    }
    print_table(context.out(), context.terminal(),
                {"ID", "STATUS", "PRI", "QUEUE", "ASSIGNEE", "AGE", "REQUESTER", "SUBJECT"}, rows);
}

// One line per ticket, tab-separated, no header: for cut, awk and while-read loops.
std::string tsv_line(const Ticket& t) {
    return fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", t.id, to_string(t.status), to_string(t.priority),
                       tsv_field(t.queue.value_or("")), t.line, tsv_field(t.assignee.value_or("")),
                       format_iso8601(t.created_at), format_iso8601(t.updated_at), t.requester, join(t.tags, ","),
                       tsv_field(t.subject));
}

constexpr std::string_view k_csv_header = "id,status,priority,queue,line,assignee,created_at,updated_at,requester,"
                                          "requester_name,channel,tags,subject\r\n";

std::string csv_line(const Ticket& t) {
    return fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n", t.id, to_string(t.status), to_string(t.priority),
                       csv_field(t.queue.value_or("")), t.line, csv_field(t.assignee.value_or("")),
                       format_iso8601(t.created_at), format_iso8601(t.updated_at), csv_field(t.requester),
                       csv_field(t.requester_name), to_string(t.channel), csv_field(join(t.tags, ",")),
                       csv_field(t.subject));
}

void run_list(const ListOptions& options, Context& context) {
    if (options.limit < 0) {
        throw usage_error(fmt::format("invalid --limit {} (a count from 1, or 0 for all)", options.limit));
    }
    std::vector<std::string> words;
    for (const auto& word : options.filter) {
        words.push_back(restore_dash_word(word));
    }
    const Filter filter = context.open_work_filter(words);
    const auto sort = parse_sort(options.sort);
    auto& store = context.existing_store();
    const SlaConfig& sla = context.sla_for(filter);
    auto transaction = store.begin_read();
    if (options.format == Format::automatic && context.terminal().is_tty) {
        // A table measures its columns first: all its rows are read before one is printed.
        const auto tickets = select_tickets(store, filter, sort, options.limit, sla, context.now());
        transaction.commit();
        print_tty(tickets, context);
        return;
    }
    // Every other format is printed as the rows are read: a list of a million tickets
    // takes the memory of one.
    std::ostream& out = context.out();
    JsonArrayWriter json(out);
    if (options.format == Format::csv) {
        out << k_csv_header;
    }
    each_selected_ticket(store, filter, sort, options.limit, sla, context.now(), [&](Ticket&& ticket) {
        switch (options.format) {
        case Format::json: json.add(to_json(ticket)); break;
        case Format::csv: out << csv_line(ticket); break;
        case Format::automatic: out << tsv_line(ticket); break;
        }
        if (!out) {
            throw Error(Exit::io, "cannot write to standard output");  // no reader: stop reading
        }
    });
    transaction.commit();
    if (options.format == Format::json) {
        json.finish();
    }
}

}  // namespace

void declare_list(CLI::App& command, Context& context) {
    auto options = std::make_shared<ListOptions>();
    command.add_option("filter", options->filter,
                       "Terms that must all match: status:open queue:NAME line:N priority:P "
                       "assignee:LOGIN|none|me requester:ADDR channel:C +tag -tag "
                       "'created>DATE' 'age>2h' 'updated<7d' 42 40-50 id:N. Without a status or id "
                       "term, only new, open and pending tickets are listed.");
    command
        .add_option("--sort", options->sort,
                    "Sort keys, '-' for descending: id, created, "
                    "updated, priority, status, queue, assignee")
        ->type_name("KEYS");
    command.add_option("--limit", options->limit, "Show at most N tickets")->type_name("N");
    auto* json = command.add_flag_callback(
        "--json", [options] { options->format = Format::json; }, "Print a JSON array (not with --csv)");
    auto* csv = command.add_flag_callback(
        "--csv", [options] { options->format = Format::csv; }, "Print CSV with a header row (not with --json)");
    json->excludes(csv);
    command.callback([options, &context] { run_list(*options, context); });
}

}  // namespace tkt::cli
