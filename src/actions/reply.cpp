#include "actions/reply.hpp"

#include "actions/ticket_language.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"
#include "mail/inbound.hpp"
#include "people/identity.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <random>
#include <unistd.h>

namespace tkt {
namespace {

// How many Message-IDs a References header carries at most: the thread's first and
// its latest; mail clients need no more to thread, and headers stay short.
constexpr std::size_t k_max_references = 10;

// The dedup key of a message that came without a Message-ID: not an id to refer to.
bool is_real_message_id(const std::optional<std::string>& id) {
    return id && !id->ends_with("@tkt.invalid") && is_plausible_message_id(*id);
}

std::string host_name() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') {
        return "localhost";
    }
    return name;
}

// The address replies come from: mail.from, else the agent's own, named in `lang`.
std::optional<Address> sender(const AgentIdentity& agent, const MailSettings& mail, std::string_view lang) {
    if (!mail.from.empty()) {
        return parse_address(mail.from);
    }
    if (!agent.email.empty()) {
        return parse_address(format_address({agent.full_name.in(lang), agent.email}));
    }
    return std::nullopt;
}

std::string domain_of(const std::optional<Address>& from) {
    if (from) {
        return from->email.substr(from->email.find('@') + 1);
    }
    return host_name();
}

std::string new_message_id(TicketId ticket, Timestamp now, std::string_view domain) {
    std::random_device random;
    const auto nonce = (std::uint64_t{random()} << 32) | random();
    return fmt::format("tkt.{}.{}.{:016x}@{}", ticket, now, nonce, domain);
}

// Returns `subject` without the tags in `tag`'s form ("[Support #{id}]") that name
// another ticket: a customer's subject can carry one of a ticket that is gone.
std::string without_other_tags(std::string subject, std::string_view tag, TicketId id) {
    const auto tags = find_subject_tags(subject, tag);
    for (auto it = tags.rbegin(); it != tags.rend(); ++it) {
        if (it->ticket_id != id) {
            subject.erase(it->at, it->length);
        }
    }
    return squash_whitespace(trim(subject));
}

// "Re: Re: Parcel" from a template's "Re: {{ticket.subject}}" on a subject that
// already says "Re:" becomes "Re: Parcel"; the subject tag is added when missing, and
// is the only one: tags of other tickets are taken out.
std::string reply_subject(std::string subject, const Ticket& ticket, const MailSettings& mail) {
    subject = without_other_tags(squash_whitespace(trim(subject)), mail.subject_tag, ticket.id);
    while (ascii_lower(subject).starts_with("re: re:")) {
        subject.erase(0, 4);
    }
    std::string tag = mail.subject_tag;
    if (const auto at = tag.find("{id}"); at != std::string::npos) {
        tag.replace(at, 4, std::to_string(ticket.id));
    }
    if (subject.empty() || ascii_lower(subject) == "re:") {
        subject = "Re: " + without_other_tags(ticket.subject, mail.subject_tag, ticket.id);
    }
    if (!tag.empty() && subject.find(tag) == std::string::npos) {
        subject += " " + tag;
    }
    return subject;
}

// In-Reply-To is the customer's last message; References the thread's ids from the
// first to that one, after our pseudo-reference, which threads even when the
// customer's client keeps none of the others.
void thread(ReplyDraft& draft, const TicketRecord& record, std::string_view domain) {
    std::vector<std::string> ids;
    for (const auto& message : record.messages) {
        if (!is_real_message_id(message.message_id)) {
            continue;
        }
        ids.push_back(*message.message_id);
        if (message.direction == Direction::in && !message.automatic) {
            draft.in_reply_to = *message.message_id;
        }
    }
    if (draft.in_reply_to) {
        ids.erase(std::find(ids.begin(), ids.end(), *draft.in_reply_to) + 1, ids.end());
    }
    if (ids.size() > k_max_references) {
        ids.erase(ids.begin() + 1, ids.end() - static_cast<std::ptrdiff_t>(k_max_references - 1));
    }
    draft.references.push_back(fmt::format("tkt-ticket-{}@{}", record.ticket.id, domain));
    draft.references.insert(draft.references.end(), ids.begin(), ids.end());
}

// Returns how many bytes the files of `rendered` weigh in all, once for each reply they
// go with; a file that cannot be measured counts nothing here: reading it says why.
std::uintmax_t attached_bytes(std::span<const RenderedFor> rendered) {
    std::map<std::filesystem::path, std::uintmax_t> sizes;
    std::uintmax_t total = 0;
    for (const auto& one : rendered) {
        for (const auto& path : one.reply.attachments) {
            auto [known, added] = sizes.try_emplace(path, 0);
            if (added) {
                std::error_code error;
                const auto size = std::filesystem::file_size(path, error);
                known->second = error ? 0 : size;
            }
            total += known->second;
        }
    }
    return total;
}

// The bulk action a reply is part of: its id (the message row of its first reply) and
// how many tickets it answered.
struct BulkReply {
    std::int64_t id = 0;
    std::size_t tickets = 0;
};

std::string reply_detail(const ReplyDraft& draft, bool queued, const std::optional<BulkReply>& bulk) {
    nlohmann::json detail{{"message_id", draft.message_id},
                          {"to", draft.to.email},
                          {"lang", draft.lang},
                          {"agent_name", draft.agent_name},
                          {"queued", queued}};
    if (!draft.template_name.empty()) {
        detail["template"] = draft.template_name;
    }
    if (draft.channel != Channel::email) {
        detail["channel"] = to_string(draft.channel);
    }
    if (!draft.outcome.empty()) {
        detail["outcome"] = draft.outcome;
    }
    if (bulk) {
        detail["bulk"] = {{"id", bulk->id}, {"tickets", bulk->tickets}};
    }
    return detail.dump();
}

}  // namespace

AgentIdentity replying_agent(const AgentIdentity& configured, const std::string& as,
                             const std::map<std::string, std::string>& vars, const Routing& team) {
    AgentIdentity agent = as.empty() || as == configured.login ? configured : AgentIdentity{as, {}, "", {}};
    const Agent* member = team.agent(agent.login);
    if (member != nullptr && agent.login != configured.login) {
        agent = AgentIdentity{member->login, member->full_name, member->email, member->first_name};
    }
    std::string fix = "set full_name under [agent] in config.toml";
    if (agent.login != configured.login) {
        fix = member != nullptr ? fmt::format("set the full_name of agent '{}' in routing.toml", agent.login)
                                : fmt::format("add an [[agent]] '{}' with a full_name to routing.toml, or give "
                                              "--var agent.full_name",
                                              agent.login);
    }
    if (const auto found = vars.find("agent.full_name"); found != vars.end()) {
        agent.full_name = LocalizedName(found->second);
        agent.first_name = {};
        fix = "give both in --var agent.full_name";
    }
    if (const auto found = vars.find("agent.email"); found != vars.end()) {
        agent.email = found->second;
    }
    if (agent.full_name.empty()) {
        throw Error(Exit::config, fmt::format("replies are signed with the agent's first and last name, and '{}' "
                                              "has none: {}",
                                              agent.login, fix));
    }
    if (const auto name = lacking_last_name(agent.full_name)) {
        throw Error(Exit::config, fmt::format("replies are signed with a first and a last name, and '{}' is one "
                                              "name: {}",
                                              *name, fix));
    }
    return agent;
}

AgentDirectory agent_directory(const Routing& team) {
    return [&team](std::string_view login) -> std::optional<AgentIdentity> {
        const Agent* member = team.agent(login);
        if (member == nullptr) {
            return std::nullopt;
        }
        return AgentIdentity{member->login, member->full_name, member->email, member->first_name};
    };
}

namespace {

// Returns the language to answer `record` in, and a note for the agent when it is
// not the customer's.
std::pair<std::string, std::string> answer_language(const TicketRecord& record, const ReplyRequest& request) {
    if (request.lang) {
        return {*request.lang, ""};
    }
    const std::string customer = customer_language(record);
    if (customer.empty() || request.file.languages.contains(customer) || customer == request.fallback_lang) {
        return {customer.empty() ? request.fallback_lang : customer, ""};
    }
    const std::string what = request.file.name.empty() ? "the greeting" : "template '" + request.file.name + "'";
    return {request.fallback_lang, fmt::format("ticket {}: {} has no '{}' text, so the reply is in '{}'",
                                               record.ticket.id, what, customer, request.fallback_lang)};
}

// Returns `vars` for a reply in `lang`: a "name.LANG" value as "name", over a plain
// one; values in the other languages the reply could be in left out.
std::map<std::string, std::string> vars_in(const std::map<std::string, std::string>& vars, const std::string& lang,
                                           const ReplyRequest& request) {
    const auto is_language = [&](std::string_view code) {
        return code == lang || code == request.fallback_lang || request.file.languages.contains(std::string(code));
    };
    std::map<std::string, std::string> plain;
    std::map<std::string, std::string> own;
    for (const auto& [name, value] : vars) {
        const auto dot = name.rfind('.');
        const auto suffix = dot == std::string::npos ? std::string_view() : std::string_view(name).substr(dot + 1);
        if (dot == std::string::npos || !is_language(suffix)) {
            plain[name] = value;
        } else if (suffix == lang) {
            own[name.substr(0, dot)] = value;
        }
    }
    for (auto& [name, value] : own) {
        plain[name] = std::move(value);
    }
    return plain;
}

RenderedFor render_one(Store& store, TicketId id, const ReplyRequest& request) {
    // The customer may have written last on a ticket merged into this one.
    TicketRecord record = load_conversation(store, id);
    if (record.ticket.merged_into && request.merged == Merged::refuse) {
        throw usage_error(fmt::format("ticket {} was merged into ticket {}: answer there (or give --force to "
                                      "answer {} itself)",
                                      id, surviving_ticket(store, id), id));
    }
    return render_reply_to(std::move(record), request);
}

}  // namespace

RenderedFor render_reply_to(TicketRecord record, const ReplyRequest& request) {
    if (record.ticket.requester.empty()) {
        // Mail without a usable From: sendmail would get an empty To:.
        throw data_error("the requester has no address to reply to (the mail came without a usable From)");
    }
    auto [lang, note] = answer_language(record, request);
    auto reply = render_reply(
        request.library, request.file, lang,
        reply_context(record, request.agent, lang, request.now, vars_in(request.vars, lang, request), request.team));
    if (request.status) {
        reply.status_after = request.status;
    }
    return RenderedFor{std::move(record), std::move(reply), std::move(note)};
}

std::vector<RenderedFor> render_replies(Store& store, std::span<const TicketId> ids, const ReplyRequest& request) {
    std::vector<RenderedFor> rendered;
    std::vector<std::string> failures;
    for (const auto id : ids) {
        try {
            rendered.push_back(render_one(store, id, request));
        } catch (const Error& error) {
            if (ids.size() == 1) {
                throw;
            }
            failures.push_back(fmt::format("ticket {}: {}", id, error.what()));
        }
    }
    if (!failures.empty()) {
        throw data_error(fmt::format("cannot reply to {} of {} tickets, so none is answered: {}", failures.size(),
                                     ids.size(), join(failures, "; ")));
    }
    return rendered;
}

std::vector<OutgoingFile> ReplyFiles::for_reply(const Ticket& ticket, std::span<const std::filesystem::path> paths) {
    std::vector<OutgoingFile> files;
    std::size_t total = 0;
    for (const auto& path : paths) {
        auto known = m_read.find(path);
        if (known == m_read.end()) {
            std::error_code error;
            const auto type = std::filesystem::status(path, error).type();
            auto bytes = type == std::filesystem::file_type::regular ? read_file(path) : std::nullopt;
            if (!bytes) {
                const std::string_view why = type == std::filesystem::file_type::not_found ? "no such file"
                                             : type == std::filesystem::file_type::regular ? "it cannot be read"
                                                                                           : "it is not a file";
                throw Error(Exit::no_input, fmt::format("cannot attach '{}': {}", path.string(), why));
            }
            const std::string name = path.filename().string();
            known = m_read.emplace(path, OutgoingFile{name, content_type_for(name), std::move(*bytes)}).first;
        }
        total += known->second.bytes.size();
        if (total > k_max_attached_bytes) {
            throw data_error(fmt::format("the files of the reply weigh over {} MiB together, more than mail servers "
                                         "take: send a link instead",
                                         k_max_attached_bytes >> 20));
        }
        files.push_back(known->second);
    }
    // Files go with mail only: a chat's program gets text, a caller a call.
    if (const Channel way = reply_channel(ticket); !files.empty() && way != Channel::email) {
        throw usage_error(fmt::format("ticket {} is answered by {}, and files go by mail only: send '{}' another way",
                                      ticket.id, way == Channel::phone ? "phone" : to_string(way), files.front().name));
    }
    return files;
}

ReplyDraft draft_reply(const TicketRecord& record, RenderedReply rendered, const AgentIdentity& agent,
                       const MailSettings& mail, Compose compose, Timestamp now, ReplyFiles& reply_files,
                       Submitted submitted) {
    const Ticket& ticket = record.ticket;
    const auto from = sender(agent, mail, rendered.lang);
    const std::string domain = domain_of(from);
    ReplyDraft draft;
    draft.ticket_id = ticket.id;
    draft.to = Address{ticket.requester_name, ticket.requester};
    draft.subject = reply_subject(std::move(rendered.subject), ticket, mail);
    draft.body = std::move(rendered.body);
    draft.template_name = std::move(rendered.template_name);
    draft.lang = std::move(rendered.lang);
    draft.agent_name = agent.full_name.in(draft.lang);
    draft.status_after = rendered.status_after;
    draft.message_id = new_message_id(ticket.id, now, domain);
    thread(draft, record, domain);
    std::vector<OutgoingFile> files = reply_files.for_reply(ticket, rendered.attachments);
    for (const auto& file : files) {
        draft.attachments.push_back(AttachmentInfo{0, file.name, file.content_type,
                                                   static_cast<std::int64_t>(file.bytes.size()),
                                                   attachment_sha256(file.bytes)});
    }
    draft.channel = reply_channel(ticket);
    if (draft.channel != Channel::email) {
        // Chat customers get the text through their channel's program; callers a call.
        if (compose == Compose::message && draft.channel != Channel::phone) {
            draft.raw = channel_payload(record, draft, agent);
        }
        return draft;
    }
    if (compose == Compose::message || !files.empty()) {
        if (!from) {
            throw Error(
                Exit::config,
                mail.from.empty()
                    ? "no address to send from: set 'from' under [mail] (or 'email' under [agent]) in config.toml"
                    : fmt::format("mail.from '{}' in config.toml is not an address", mail.from));
        }
        OutgoingMail out;
        out.from = *from;
        out.to = draft.to;
        out.subject = draft.subject;
        out.body = draft.body;
        out.date = now;
        out.message_id = draft.message_id;
        out.in_reply_to = draft.in_reply_to;
        out.references = draft.references;
        out.loop_token = from->email;
        out.files = std::move(files);
        out.automatic = submitted == Submitted::automatically;
        draft.raw = compose_mail(out);
    }
    return draft;
}

std::vector<ReplyDraft> prepare_replies(Store& store, std::span<const TicketId> ids, const ReplyRequest& request,
                                        const MailSettings& mail, Compose compose, const ReviseBody& revise) {
    auto rendered = render_replies(store, ids, request);
    for (auto& one : rendered) {
        one.reply.attachments.insert(one.reply.attachments.end(), request.attach.begin(), request.attach.end());
    }
    // Each reply carries its own copy of its files: counted before any is read.
    if (const auto weight = attached_bytes(rendered); weight > k_max_bulk_attached_bytes) {
        throw data_error(fmt::format("the files of these {} replies weigh {} MiB in all, each reply carrying its own "
                                     "copy, over the {} MiB tkt composes at once: send a link instead, or answer "
                                     "fewer tickets at a time",
                                     rendered.size(), weight >> 20, k_max_bulk_attached_bytes >> 20));
    }
    ReplyFiles files;
    std::vector<ReplyDraft> drafts;
    for (auto& [record, reply, note] : rendered) {
        if (revise) {
            reply.body = revise(record, reply.body);
        }
        drafts.push_back(draft_reply(record, std::move(reply), request.agent, mail, compose, request.now, files));
        drafts.back().note = std::move(note);
    }
    return drafts;
}

std::vector<RecordedReply> record_replies(Store& store, std::span<const ReplyDraft> drafts, const AgentIdentity& agent,
                                          Queue queue, Timestamp now) {
    auto transaction = store.begin_write();
    std::vector<RecordedReply> recorded;
    // Replies to several tickets in one command are one bulk action (an outage message),
    // not that many answers of the agent's own: each event names it, and it takes no
    // ticket into the agent's hands.
    std::optional<BulkReply> bulk;
    for (const auto& draft : drafts) {
        const Ticket ticket = require_ticket(store, draft.ticket_id);
        RecordedReply result;
        result.ticket_id = ticket.id;
        Message message;
        message.ticket_id = ticket.id;
        message.direction = Direction::out;
        message.message_id = draft.message_id;
        message.in_reply_to = draft.in_reply_to;
        message.author = agent.login;
        message.subject = draft.subject;
        message.body = draft.body;
        if (draft.channel != ticket.channel && draft.channel != Channel::email) {
            message.channel = draft.channel;
        }
        message.created_at = now;
        result.message_row = store.insert_message(message, draft.raw);
        if (drafts.size() > 1 && !bulk) {
            bulk = BulkReply{result.message_row, drafts.size()};
        }
        result.bulk = bulk ? std::optional(bulk->id) : std::nullopt;
        for (auto attachment : draft.attachments) {
            attachment.message_id = result.message_row;
            store.insert_attachment(attachment);
        }
        store.insert_event(ticket.id, now, agent.login, "replied",
                           reply_detail(draft, queue == Queue::for_sending && draft.channel != Channel::phone, bulk));
        result.first_reply = store.mark_first_reply(ticket.id, now);
        if (!ticket.assignee && !bulk) {
            record_assignment(store, ticket.id, std::nullopt, agent.login, "reply", Actor{agent.login, now});
            result.assigned = true;
        }
        const Status target = draft.status_after.value_or(ticket.status == Status::new_ ? Status::open : ticket.status);
        result.status = StatusChange{ticket.id, ticket.status, target, target != ticket.status};
        if (result.status.changed) {
            change_status(store, ticket, target, Actor{agent.login, now}, "reply");
        }
        store.touch(ticket.id, now);
        // A reply to a caller is the call the agent made: nothing is sent.
        if (queue == Queue::for_sending && draft.channel != Channel::phone) {
            if (draft.raw.empty()) {
                throw Error(Exit::software, "a reply queued for sending was not composed");
            }
            result.outbox_id = store.queue_outbound(result.message_row, ticket.id, draft.channel, draft.to.email, now);
        }
        recorded.push_back(result);
    }
    transaction.commit();
    return recorded;
}

}  // namespace tkt
