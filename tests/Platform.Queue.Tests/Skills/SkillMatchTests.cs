using Platform.Queue.Tests.Support;

namespace Platform.Queue.Tests.Skills;

public sealed class SkillMatchTests
{
    private static readonly SkillRequirement French7 = new("french", 7);
    private static readonly SkillRequirement Billing3 = new("billing", 3);

    private static bool Qualifies(AgentCandidate agent, QueueRules rules, int waitedSeconds) =>
        SkillMatch.Qualifies(agent, rules, TimeSpan.FromSeconds(waitedSeconds));

    [Fact]
    public void Everyone_qualifies_for_a_queue_that_asks_for_no_skill()
    {
        Assert.True(Qualifies(Make.Agent(), Make.Rules(), 0));
    }

    [Fact]
    public void Agent_needs_every_required_skill_at_the_minimum_proficiency()
    {
        var rules = Make.Rules(skills: [French7, Billing3]);

        Assert.True(Qualifies(Make.Agent(skills: [("french", 7), ("billing", 3)]), rules, 0));
        Assert.False(Qualifies(Make.Agent(skills: [("french", 6), ("billing", 9)]), rules, 0));
        Assert.False(Qualifies(Make.Agent(skills: [("french", 9)]), rules, 0));
    }

    [Fact]
    public void Skill_names_compare_ignoring_case()
    {
        var rules = Make.Rules(skills: [new SkillRequirement("French", 7)]);

        Assert.True(Qualifies(Make.Agent(skills: [("FRENCH", 8)]), rules, 0));
    }

    [Fact]
    public void Skill_names_compare_ignoring_case_in_a_case_insensitive_dictionary_too()
    {
        var agent = Make.Agent() with
        {
            Skills = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["FRENCH"] = 8 },
        };

        Assert.True(Qualifies(agent, Make.Rules(skills: [French7]), 0));
    }

    [Fact]
    public void Relaxation_lowers_the_minimum_once_the_call_has_waited_long_enough()
    {
        var rules = Make.Rules(skills: [French7], relaxation: [new RelaxationStep(60, 2, false)]);
        var agent = Make.Agent(skills: [("french", 5)]);

        Assert.False(Qualifies(agent, rules, 59));
        Assert.True(Qualifies(agent, rules, 60));
    }

    [Fact]
    public void Only_the_latest_step_reached_applies_steps_are_not_cumulative()
    {
        var rules = Make.Rules(
            skills: [French7],
            relaxation: [new RelaxationStep(30, 2, false), new RelaxationStep(60, 1, false)]);
        var agent = Make.Agent(skills: [("french", 5)]);

        Assert.True(Qualifies(agent, rules, 45));
        Assert.False(Qualifies(agent, rules, 90));
    }

    [Fact]
    public void Steps_apply_by_time_whatever_their_order_in_the_list()
    {
        var rules = Make.Rules(
            skills: [French7],
            relaxation: [new RelaxationStep(120, 4, false), new RelaxationStep(60, 1, false)]);

        Assert.False(Qualifies(Make.Agent(skills: [("french", 4)]), rules, 90));
        Assert.True(Qualifies(Make.Agent(skills: [("french", 4)]), rules, 120));
    }

    [Fact]
    public void Dropping_skills_lets_any_member_take_the_call()
    {
        var rules = Make.Rules(skills: [French7], relaxation: [new RelaxationStep(300, 0, true)]);

        Assert.False(Qualifies(Make.Agent(), rules, 299));
        Assert.True(Qualifies(Make.Agent(), rules, 300));
    }

    [Fact]
    public void Lowered_minimum_never_falls_below_one()
    {
        var rules = Make.Rules(skills: [Billing3], relaxation: [new RelaxationStep(0, 10, false)]);

        Assert.True(Qualifies(Make.Agent(skills: [("billing", 1)]), rules, 0));
        Assert.False(Qualifies(Make.Agent(skills: [("billing", 0)]), rules, 0));
        Assert.False(Qualifies(Make.Agent(), rules, 0));
    }

    [Fact]
    public void A_negative_wait_counts_as_no_wait()
    {
        var rules = Make.Rules(skills: [French7], relaxation: [new RelaxationStep(0, 2, false)]);

        Assert.True(Qualifies(Make.Agent(skills: [("french", 5)]), rules, -30));
    }
}
