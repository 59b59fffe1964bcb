#include "actions/import_archive.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "core/error.hpp"

#include <chrono>
#include <fmt/format.h>

namespace tkt::cli {
namespace {

enum class Format { mbox, maildir };

struct ImportOptions {
    Format format = Format::mbox;
    std::vector<std::string> paths;
    bool trusted = false;
    bool json = false;
};

// Draws "importing: N messages, R/s, P% ETA" on a terminal's stderr, ten times a second.
class ProgressLine {
public:
    explicit ProgressLine(Context& context) : m_context(context), m_start(Clock::now()) {}

    void update(const ImportSummary& summary, const SourceProgress& source, std::size_t file, std::size_t files) {
        const auto now = Clock::now();
        if (!m_context.terminal().progress || now - m_drawn < std::chrono::milliseconds(100)) {
            return;
        }
        m_drawn = now;
        const double seconds = std::chrono::duration<double>(now - m_start).count();
        const double rate = seconds > 0 ? static_cast<double>(summary.read()) / seconds : 0;
        std::string line = fmt::format("importing: {} messages, {:.0f}/s", summary.read(), rate);
        if (source.total > 0 && source.done > 0) {
            const double share = static_cast<double>(source.done) / static_cast<double>(source.total);
            const double file_seconds = std::chrono::duration<double>(now - m_file_start).count();
            const double eta = file_seconds / share - file_seconds;
            line += fmt::format(", {:.0f}%, ETA {}", share * 100, format_age(static_cast<Seconds>(eta)));
        }
        if (files > 1) {
            line += fmt::format(" (file {} of {})", file + 1, files);
        }
        m_context.err() << "\r\x1b[K" << line << std::flush;
        m_shown = true;
    }

    void next_file() { m_file_start = Clock::now(); }

    ~ProgressLine() { clear(); }

    void clear() {
        if (m_shown) {
            m_context.err() << "\r\x1b[K" << std::flush;
            m_shown = false;
        }
    }

private:
    using Clock = std::chrono::steady_clock;
    Context& m_context;
    Clock::time_point m_start;
    Clock::time_point m_file_start = Clock::now();
    Clock::time_point m_drawn{};
    bool m_shown = false;
};

void print_summary(const ImportSummary& summary, Context& context, bool json) {
    if (json) {
        nlohmann::ordered_json failures = nlohmann::ordered_json::array();
        for (const auto& failure : summary.failures) {
            failures.push_back({{"source", failure.origin}, {"reason", failure.reason}});
        }
        context.out() << nlohmann::ordered_json{{"read", summary.read()},
                                                {"created", summary.created},
                                                {"threaded", summary.threaded},
                                                {"duplicates", summary.duplicates},
                                                {"auto", summary.automatic},
                                                {"loops", summary.loops},
                                                {"failed", summary.failures.size()},
                                                {"failures", failures}}
                             .dump()
                      << '\n';
        return;
    }
    context.out() << fmt::format("read {} messages: {} new tickets and {} added to tickets ({} of them "
                                 "automatic mail), {} already stored, {} loops, {} failed\n",
                                 summary.read(), summary.created, summary.threaded, summary.automatic,
                                 summary.duplicates, summary.loops, summary.failures.size());
}

void run_import(const ImportOptions& options, Context& context) {
    auto settings = ingest_settings(context.config(), options.trusted);
    settings.dates = MessageDates::header;
    settings.on_new_ticket = context.on_new_ticket();
    // Open every source first, so that a missing file stops the import before it starts.
    std::vector<std::unique_ptr<MessageSource>> sources;
    for (const auto& path : options.paths) {
        sources.push_back(options.format == Format::mbox ? open_mbox(path) : open_maildir(path));
    }
    ImportSummary summary;
    ProgressLine progress(context);
    try {
        for (std::size_t i = 0; i < sources.size(); ++i) {
            progress.next_file();
            import_messages(context.store(), *sources[i], settings, context.actor(), k_import_batch, summary,
                            [&](const ImportSummary& so_far, const SourceProgress& source) {
                                progress.update(so_far, source, i, sources.size());
                            });
        }
    } catch (const Error&) {
        // Say how far it got before the error ends the command; a re-run goes on from here.
        progress.clear();
        print_summary(summary, context, options.json);
        throw;
    }
    progress.clear();
    print_summary(summary, context, options.json);
    for (const auto& failure : summary.failures) {
        context.err() << fmt::format("tkt: {}: {}\n", failure.origin, failure.reason);
    }
    if (!summary.failures.empty()) {
        throw data_error(fmt::format("{} of {} messages failed to import", summary.failures.size(), summary.read()));
    }
}

void declare_format(CLI::App& parent, Context& context, Format format, const std::string& name, const std::string& help,
                    const std::string& what) {
    auto options = std::make_shared<ImportOptions>();
    options->format = format;
    auto* command = parent.add_subcommand(name, help);
    command->add_option(what, options->paths, "What to import")->required();
    command->add_flag("--trusted", options->trusted, "Honour X-Tkt-Queue, X-Tkt-Priority and X-Tkt-Tags headers");
    command->add_flag("--json", options->json, "Print the summary as JSON");
    command->callback([options, &context] { run_import(*options, context); });
}

}  // namespace

void declare_import(CLI::App& command, Context& context) {
    command.require_subcommand(1);
    command.footer("An archive's messages are dated by their Date headers (when after 1990 and "
                   "not ahead of now), so that its tickets and metrics keep their own times; "
                   "live mail that 'tkt new' reads is dated by its arrival.");
    declare_format(command, context, Format::mbox, "mbox", "Import mbox files", "FILE");
    declare_format(command, context, Format::maildir, "maildir",
                   "Import maildirs (cur/ and new/), or folders of message files", "DIR");
}

}  // namespace tkt::cli
