-- Issue 8, the exception-probability model (docs/exception-probability.md). Its facts at raise time count the reviewer
-- outcomes of the same type, and of the same supplier's requisitions, decided before the exception was raised
-- (Worker/Exceptions/ExceptionFactsAtRaise): without these indexes each scored exception scans the tenant's exceptions.
CREATE INDEX exceptions_decided_type ON exceptions (tenant_id, type, decided_at) WHERE status IN ('resolved', 'dismissed');
CREATE INDEX requisitions_supplier ON requisitions (tenant_id, supplier_id);
