namespace AiGovernance.Core.Requisitions;

public enum Urgency
{
    Normal,
    Urgent,
    Emergency,
}
