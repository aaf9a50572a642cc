package com.saypro.monitor.demo.web;

import com.saypro.monitor.demo.db.OrderRow;
import com.saypro.monitor.demo.gateway.ChargeResult;

/** A payment attempt: the order, what the gateway said, and the payment row's id. */
public record PaymentOutcome(OrderRow order, String gateway, ChargeResult charge, long paymentId) {}
