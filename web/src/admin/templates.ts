// What a new project starts from: the trade's dispositions, office hours, and a first script naming the company and the purpose.

export const DISPOSITIONS = [
  { code: "sale", label: "Sale, contract signed", category: "sale", move: "sign_contract", requiresNextContact: false },
  { code: "meeting_set", label: "Meeting set", category: "meeting_set", move: "become_hot", requiresNextContact: true },
  { code: "interested", label: "Interested, decides later", category: "interested", move: "become_hot", requiresNextContact: true },
  { code: "callback", label: "Call back later", category: "callback", move: "none", requiresNextContact: true },
  { code: "not_interested", label: "Not interested", category: "not_interested", move: "firm_no", requiresNextContact: false },
  { code: "complaint", label: "Complaint", category: "complaint", move: "none", requiresNextContact: false },
  { code: "resolved", label: "Question answered", category: "resolved", move: "none", requiresNextContact: false },
  { code: "wrong_number", label: "Wrong number", category: "wrong_number", move: "none", requiresNextContact: false },
  { code: "do_not_call", label: "Do not call", category: "do_not_call", move: "do_not_call", requiresNextContact: false },
];

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

export function firstScript(projectName: string) {
  return {
    name: `${projectName} script`,
    mode: "strict",
    start: "greeting",
    steps: [
      { type: "say", id: "greeting", text: "Good day, this is {{agent.name}} from {{project.company}}, calling about {{project.name}}.", next: "interest" },
      {
        type: "question", id: "interest", text: "Are you interested in hearing more?", kind: "single",
        options: [
          { value: "yes", label: "Yes", next: "offer" },
          { value: "later", label: "Call me later", next: "bye-later" },
          { value: "no", label: "No", next: "bye-no" },
        ],
      },
      { type: "say", id: "offer", text: "Thank you. Here is what we offer…", next: "bye-yes" },
      { type: "objection", id: "price", label: "Too expensive", text: "It pays for itself within a year." },
      { type: "end", id: "bye-yes", disposition: "interested" },
      { type: "end", id: "bye-later", disposition: "callback" },
      { type: "end", id: "bye-no", disposition: "not_interested" },
    ],
  };
}
