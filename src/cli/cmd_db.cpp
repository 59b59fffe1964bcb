#include "actions/copy_database.hpp"
#include "actions/search.hpp"
#include "cli/commands.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace tkt::cli {
namespace {

struct CopyOptions {
    std::string from;
    std::string to;
};

void run_copy(const CopyOptions& options, Context& context) {
    // On a terminal, one line that keeps up with the copy, on standard error.
    const bool show = context.terminal().is_tty;
    const CopyProgress progress = [&](std::string_view table, std::int64_t done, std::int64_t total) {
        if (show) {
            context.err() << fmt::format("\rcopying {}: {} of {} rows\x1b[K", table, done, total) << std::flush;
        }
    };
    const CopyOutcome outcome =
        copy_database(options.from, options.to, context.store_options(), context.now(), progress);
    if (show) {
        context.err() << "\r\x1b[K" << std::flush;
    }
    std::int64_t rows = 0;
    for (const auto& table : outcome.rows) {
        rows += table.rows;
    }
    context.out() << fmt::format("copied {} rows in {} tables from {} to {}\n", rows, outcome.rows.size(), outcome.from,
                                 outcome.to);
    for (const auto& table : outcome.rows) {
        context.out() << fmt::format("  {:<20} {}\n", table.table, table.rows);
    }
    context.out() << "verified: the same rows in every table, the same metrics over the whole history\n";
}

void run_setup(Context& context) {
    Store& store = context.store();  // makes or upgrades the schema first
    const auto roles = store.set_up_roles();
    context.out() << fmt::format("schema   {} (version {})\n", store.name(), store.schema_version());
    for (const auto& role : roles) {
        context.out() << (role.made ? fmt::format("created  role {}\n", role.role)
                                    : fmt::format("kept     role {} (it exists)\n", role.role));
    }
    context.out() << "granted  each role what it may do; history is append-only for all but tkt_admin\n";
}

// Draws "WHAT: N of M tickets" on standard error while a terminal watches.
BuildProgress progress_line(Context& context, std::string_view what, bool& drawn) {
    return [&context, what, &drawn](std::int64_t done, std::int64_t total) {
        if (context.terminal().progress) {
            context.err() << fmt::format("\r{}: {} of {} tickets\x1b[K", what, done, total) << std::flush;
            drawn = true;
        }
    };
}

void clear_line(Context& context, bool drawn) {
    if (drawn) {
        context.err() << "\r\x1b[K" << std::flush;
    }
}

void run_index(bool rebuild, Context& context) {
    Store& store = context.existing_store();
    if (rebuild) {
        store.restart_search_build();
    }
    context.ready_search_index();
    context.out() << fmt::format("search index: complete, {} tickets\n", store.count_tickets());
}

void run_check(Context& context) {
    Store& store = context.existing_store();
    bool drawn = false;
    const IndexCheck check = check_search_index(store, progress_line(context, "checking the search index", drawn));
    clear_line(context, drawn);
    context.out() << fmt::format("search index: {} tickets compared with their text\n", check.compared);
    std::vector<std::string> problems;
    if (!check.build.done()) {
        problems.push_back(fmt::format("built up to ticket {} of {}: 'tkt db index' goes on from there",
                                       check.build.built_through, check.build.build_until));
    }
    if (!check.reading_current) {
        problems.push_back(
            fmt::format("built by another reading of words ('{}'): 'tkt db index --rebuild'", check.build.reading));
    }
    if (!check.structure_sound) {
        problems.push_back("the index's structure is damaged: 'tkt db index --rebuild'");
    }
    const auto some = [](const std::vector<TicketId>& ids) {
        constexpr std::size_t k_shown = 10;
        std::vector<std::string> shown;
        for (std::size_t i = 0; i < ids.size() && i < k_shown; ++i) {
            shown.push_back(std::to_string(ids[i]));
        }
        return fmt::format("{}{}", join(shown, ", "), ids.size() > k_shown ? ", ..." : "");
    };
    if (!check.missing.empty()) {
        problems.push_back(fmt::format("{} tickets have no document ({}): 'tkt db index --rebuild'",
                                       check.missing.size(), some(check.missing)));
    }
    if (!check.different.empty()) {
        problems.push_back(fmt::format("{} tickets' documents are not their text ({}): 'tkt db index --rebuild'",
                                       check.different.size(), some(check.different)));
    }
    for (const auto& problem : problems) {
        context.out() << "  problem: " << problem << '\n';
    }
    if (!problems.empty()) {
        throw data_error(fmt::format("the search index does not match the tickets ({} problem{})", problems.size(),
                                     problems.size() == 1 ? "" : "s"));
    }
    context.out() << "verified: every ticket's document is its text\n";
}

}  // namespace

void declare_db(CLI::App& command, Context& context) {
    command.require_subcommand(1);
    auto options = std::make_shared<CopyOptions>();
    auto* copy = command.add_subcommand("copy", "Copy a whole database into an empty one, SQLite or PostgreSQL "
                                                "either way, and verify the copy");
    copy->add_option("FROM", options->from, "The database to copy: a SQLite file or a postgresql:// URI")
        ->required()
        ->type_name("PATH|URI");
    copy->add_option("TO", options->to, "The empty database to fill: a new file, or an empty PostgreSQL database")
        ->required()
        ->type_name("PATH|URI");
    copy->callback([options, &context] { run_copy(*options, context); });
    auto* setup = command.add_subcommand("setup", "Make or upgrade a PostgreSQL database's schema and its roles "
                                                  "(tkt_agent, tkt_mail, tkt_supervisor, tkt_admin)");
    setup->callback([&context] { run_setup(context); });
    auto rebuild = std::make_shared<bool>(false);
    auto* index = command.add_subcommand("index", "Build the search index for the tickets older than it (stop "
                                                  "it any time: it goes on from there), or all again");
    index->add_flag("--rebuild", *rebuild, "Index every ticket again (after 'tkt db check' found a problem)");
    index->callback([rebuild, &context] { run_index(*rebuild, context); });
    auto* check = command.add_subcommand("check", "Verify the search index against the tickets' text");
    check->callback([&context] { run_check(context); });
}

}  // namespace tkt::cli
