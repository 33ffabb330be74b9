namespace AiGovernance.Core.Requisitions;

/// <summary>The customer commitment a requisition serves and the supplier details it states.</summary>
public sealed partial record Requisition
{
    public string? CustomerOrder { get; init; }
    public DateOnly? PromisedDate { get; init; }
    /// <summary>Normalized (see <see cref="StatedSupplier.Normalized"/>); null when the requisition states nothing.</summary>
    public StatedSupplier? StatedSupplier { get; init; }

    /// <summary>A customer order with a promised date: the triage score raises the urgency of its exceptions.</summary>
    public bool HasCustomerCommitment => CustomerOrder is not null && PromisedDate is not null;

    /// <summary>
    /// The ERP sets or changes the commitment and the stated supplier (null keeps the current value). Like the
    /// needed-by date they do not affect routing, so they change freely until the requisition is final.
    /// </summary>
    public Requisition WithErpCommitment(string? customerOrder, DateOnly? promisedDate, StatedSupplier? statedSupplier)
    {
        if (IsFinal)
            throw DomainException.Conflict("requisition_final",
                $"Requisition {Number} is {Status.ToSnakeCase()}; a final requisition no longer changes.");
        return this with
        {
            CustomerOrder = string.IsNullOrWhiteSpace(customerOrder) ? CustomerOrder : customerOrder.Trim(),
            PromisedDate = promisedDate ?? PromisedDate,
            StatedSupplier = statedSupplier?.Normalized() ?? StatedSupplier,
        };
    }
}
