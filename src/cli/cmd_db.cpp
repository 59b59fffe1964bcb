#include "actions/copy_database.hpp"
#include "cli/commands.hpp"
#include "core/error.hpp"

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
}

}  // namespace tkt::cli
