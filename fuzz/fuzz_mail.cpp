// Fuzzes mail ingestion: the raw message through parse_mail (GMime, charsets, HTML to
// text, classification, the dedup key) and the parsed mail into an in-memory store as
// `tkt new --email` stores it (dedup, threading, reopening), rolled back after each input.
#include "actions/ingest_mail.hpp"
#include "core/address.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "fuzz_support.hpp"
#include "mail/charset.hpp"
#include "mail/compose.hpp"
#include "mail/dedup.hpp"
#include "mail/module.hpp"
#include "mail/parse.hpp"
#include "store/store.hpp"

namespace tkt::mail {

// The module's table, linked in rather than opened: this target holds the parser
// itself, and defining api() here keeps module_loader.cpp (dlopen of tkt-mail.so) out of the link.
const Api& api() {
    static const Api table{parse_mail, dedup_key, legacy_dedup_key, compose, attachment_content, sha256_hex};
    return table;
}

}  // namespace tkt::mail

namespace {

using namespace tkt;

constexpr Timestamp k_now = 1795341600;  // 2026-11-22T10:00:00Z

void expect_utf8(std::string_view text, std::string_view field) {
    if (!is_valid_utf8(text)) {
        fuzz::broken_promise(std::string("parse_mail gave invalid UTF-8 in ") + std::string(field));
    }
}

void expect_utf8(const std::vector<std::string>& texts, std::string_view field) {
    for (const auto& text : texts) {
        expect_utf8(text, field);
    }
}

// parse_mail promises valid UTF-8 in every string of its result.
void check_utf8(const InboundMail& mail) {
    expect_utf8(mail.subject, "subject");
    expect_utf8(mail.from.name, "from.name");
    expect_utf8(mail.from.email, "from.email");
    // Never an encoded word or other text dressed as an address: a reply would go there.
    if (!mail.from.email.empty() && !parse_address(mail.from.email)) {
        fuzz::broken_promise("parse_mail gave a sender address that is not an address");
    }
    expect_utf8(mail.message_id, "message_id");
    expect_utf8(mail.in_reply_to, "in_reply_to");
    expect_utf8(mail.references, "references");
    expect_utf8(mail.to, "to");
    expect_utf8(mail.cc, "cc");
    expect_utf8(mail.body, "body");
    expect_utf8(mail.returned_ids, "returned_ids");
    expect_utf8(mail.control.queue.value_or(""), "control.queue");
    expect_utf8(mail.control.priority.value_or(""), "control.priority");
    expect_utf8(mail.control.tags, "control.tags");
    for (const auto& attachment : mail.attachments) {
        expect_utf8(attachment.filename, "attachment filename");
        expect_utf8(attachment.content_type, "attachment content type");
        // A forwarded message (message/rfc822) is listed without size or digest.
        if (attachment.size < 0 || (attachment.sha256.size() != 64 && !attachment.sha256.empty())) {
            fuzz::broken_promise("an attachment with a negative size or a malformed SHA-256");
        }
    }
}

// `tkt attachment` saves what parsing recorded: each attachment's bytes, read again
// from the raw message, must match the SHA-256 parsing recorded for it.
void check_attachment_contents(const InboundMail& mail, std::string_view raw) {
    for (std::size_t i = 0; i < mail.attachments.size(); ++i) {
        const auto content = mail::attachment_content(raw, i);
        if (!content || (!mail.attachments[i].sha256.empty() && sha256_hex(*content) != mail.attachments[i].sha256)) {
            fuzz::broken_promise("an attachment read again does not match the SHA-256 recorded for it");
        }
    }
}

// A store with tickets that fuzzed mail can thread to: an open one, a solved one and
// one merged into the first, each with a known Message-ID.
Store& shared_store() {
    static Store store = [] {
        Store made = Store::open_in_memory();
        auto transaction = made.begin_write();
        const auto add = [&made](const std::string& subject, const std::string& message_id) {
            NewTicket ticket;
            ticket.subject = subject;
            ticket.requester = "ivan@example.ru";
            ticket.body = "body of " + subject;
            ticket.channel = Channel::email;
            const TicketId id = made.insert_ticket(ticket, k_now - 86400);
            Message message;
            message.ticket_id = id;
            message.message_id = message_id;
            message.author = "ivan@example.ru";
            message.subject = subject;
            message.body = ticket.body;
            message.created_at = k_now - 86400;
            made.insert_message(message);
            return id;
        };
        const TicketId open = add("Where is my parcel?", "m1@example.ru");
        const TicketId solved = add("Refund", "abc@example.ru");
        const TicketId merged = add("Parcel again", "first@example.ru");
        made.update_status(open, Status::open, std::nullopt, k_now - 3600);
        made.update_status(solved, Status::solved, k_now - 3600, k_now - 3600);
        made.set_merged(merged, open, k_now - 3600);
        transaction.commit();
        return made;
    }();
    return store;
}

void ingest(const InboundMail& mail, std::string_view raw) {
    Store& store = shared_store();
    IngestSettings settings;
    settings.trusted = true;
    const Actor actor{"fuzz", k_now};
    // Never committed: the transaction rolls back, and every input meets the same store.
    auto transaction = store.begin_write();
    try {
        const IngestResult first = ingest_parsed(store, mail, raw, settings, actor);
        const IngestResult again = ingest_parsed(store, mail, raw, settings, actor);
        if (first.outcome != IngestOutcome::loop && again.outcome != IngestOutcome::duplicate) {
            fuzz::broken_promise("the same message delivered twice was not a duplicate");
        }
    } catch (const Error&) {
        // A message the store refuses is reported to the mail server, not a crash.
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view raw = fuzz::as_text(data, size);
    const InboundMail mail = mail::parse(raw, MailOptions{true});
    check_utf8(mail);
    check_attachment_contents(mail, raw);
    if (mail::dedup_key(mail, raw).empty()) {
        fuzz::broken_promise("an empty dedup key");
    }
    ingest(mail, raw);
    return 0;
}
